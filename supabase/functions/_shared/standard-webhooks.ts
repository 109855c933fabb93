/**
 * Signing per the Standard Webhooks specification (standardwebhooks.com): the headers
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, which holds
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` for each secret, space-separated (two while a
 * secret is being rotated). A secret is `whsec_` followed by its key bytes in base64.
 */
const encoder = new TextEncoder();

function keyBytes(secret: string): Uint8Array<ArrayBuffer> {
  if (!secret.startsWith('whsec_')) throw new Error('a webhook secret starts with whsec_');
  const raw = atob(secret.slice('whsec_'.length));
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** One `v1,<base64>` signature of the message with `secret`. */
export async function signature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `v1,${toBase64(await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${timestamp}.${body}`)))}`;
}

/** The three headers for a message signed with every secret given (the current one first). */
export async function webhookHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Promise<Record<string, string>> {
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret');
  const signatures = await Promise.all(secrets.map((secret) => signature(secret, id, timestamp, body)));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

/** The `webhook-id` of an event: stable across endpoints, attempts and replays. */
export const webhookId = (eventId: string) => `msg_${eventId.replaceAll('-', '')}`;
