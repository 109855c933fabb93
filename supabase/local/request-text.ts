/**
 * Whether a request's URL, headers and text body are text. PostgREST reads them as UTF-8 and
 * answers a percent-escape or byte sequence that is not (e.g. `?id=eq.%FF`, or "%ED%A0%80", half a
 * UTF-16 character, or such bytes in a form or CSV body) with a 500 or a dropped connection; the
 * gateway refuses such requests first.
 */
import type http from 'node:http';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// runs of percent-escapes, each of which must decode to whole UTF-8 characters
const escapeRuns = /(?:%[0-9A-Fa-f]{2})+/g;

/** Whether every run of percent-escapes in a request target decodes to UTF-8 text. */
export function hasUtf8Escapes(target: string): boolean {
  return (target.match(escapeRuns) ?? []).every((run) =>
    isUtf8(Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16))),
  );
}

/** A message naming the part of the request that is not UTF-8 text, or null when all of it is. */
export function nonTextRequestPart(req: http.IncomingMessage): string | null {
  if (!hasUtf8Escapes(req.url ?? '')) return 'The request URL has percent-escapes that are not UTF-8 text.';
  // Node hands header values over as latin1, one character per byte
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!isUtf8(Buffer.from(req.rawHeaders[i + 1] ?? '', 'latin1')))
      return `The ${req.rawHeaders[i]?.toLowerCase()} header is not UTF-8 text.`;
  }
  return null;
}

/** Media types whose bodies are text (JSON must be UTF-8, RFC 8259; PostgREST reads the others as UTF-8). */
const isTextType = (type: string) =>
  type === 'application/json' ||
  type.endsWith('+json') ||
  type === 'application/x-www-form-urlencoded' ||
  type.startsWith('text/');

/** A message saying how a text body is not UTF-8 text, or null when it is (or is not text at all). */
export function nonTextBody(contentType: string | undefined, body: Buffer): string | null {
  const type = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!isTextType(type) || body.length === 0) return null;
  if (!isUtf8(body)) return 'The request body is not UTF-8 text.';
  if (type === 'application/x-www-form-urlencoded' && !hasUtf8Escapes(body.toString('utf8'))) {
    return 'The request body has percent-escapes that are not UTF-8 text.';
  }
  return null;
}
