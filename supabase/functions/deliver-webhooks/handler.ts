/**
 * Delivers payers' webhooks from the outbox (public.webhook_deliveries): claims due deliveries
 * (`skip locked`, a lease), checks each target against the SSRF rules after resolving its host,
 * signs the body per Standard Webhooks and POSTs it (15 s timeout, redirects not followed), then
 * records every attempt in one call. What an answer means (delivered, retry with backoff, disable)
 * is the database's decision. Batches are sent concurrently and the function keeps claiming until
 * the outbox has nothing due or its time budget is spent.
 */
import { functionApp, onlyMethod } from '../_shared/app.ts';
import { webhookEventSchema } from '../_shared/contract/webhook-events.ts';
import { json } from '../_shared/http.ts';
import { requireRole } from '../_shared/middleware.ts';
import { webhookHeaders, webhookId } from '../_shared/standard-webhooks.ts';
import {
  addressRefusal,
  literalAddress,
  webhookUrlProblem,
  type TargetPolicy,
} from '../_shared/webhook-target.ts';

export interface ClaimedDelivery {
  id: string;
  event_id: string;
  endpoint_id: string;
  url: string;
  secrets: string[];
  event_type: string;
  payload: unknown;
  attempts: number;
}

export interface DeliveryOutcome {
  id: string;
  /** null when no HTTP answer came (timeout, refused target, connection error) */
  response_status: number | null;
  latency_ms: number;
  error: string | null;
}

export interface DeliverWebhooksDeps {
  claim(batchSize: number): Promise<ClaimedDelivery[]>;
  /** Records the outcomes; returns each delivery's new status. */
  finish(outcomes: DeliveryOutcome[]): Promise<{ delivery_id: string; status: string }[]>;
  fetch: typeof fetch;
  /** The host's A and AAAA addresses (Deno.resolveDns in the function). */
  resolve(hostname: string): Promise<string[]>;
  policy: TargetPolicy;
  /** Unix milliseconds (the signature's timestamp and latencies). */
  now(): number;
  timeoutMs?: number;
  batchSize?: number;
  /** stop claiming new batches after this long */
  budgetMs?: number;
}

/** Why the target may not be called after resolving its host, or null. */
async function targetRefusal(
  url: string,
  deps: DeliverWebhooksDeps,
  resolved: Map<string, Promise<string[]>>,
): Promise<string | null> {
  const problem = webhookUrlProblem(url, deps.policy);
  if (problem) return `refused: ${problem}`;
  const hostname = new URL(url).hostname;
  const literal = literalAddress(hostname);
  if (!resolved.has(hostname))
    resolved.set(hostname, literal ? Promise.resolve([literal]) : deps.resolve(hostname).catch(() => []));
  const addresses = await resolved.get(hostname)!;
  if (addresses.length === 0) return `refused: ${hostname} does not resolve`;
  for (const address of addresses) {
    const refusal = addressRefusal(address, deps.policy);
    if (refusal) return `refused: ${hostname} resolves to ${refusal} (${address})`;
  }
  return null;
}

async function deliverOne(
  delivery: ClaimedDelivery,
  deps: DeliverWebhooksDeps,
  resolved: Map<string, Promise<string[]>>,
): Promise<DeliveryOutcome> {
  const started = deps.now();
  const outcome = (response_status: number | null, error: string | null): DeliveryOutcome => ({
    id: delivery.id,
    response_status,
    latency_ms: Math.max(0, Math.round(deps.now() - started)),
    error,
  });
  const refusal = await targetRefusal(delivery.url, deps, resolved);
  if (refusal) return outcome(null, refusal);
  const event = webhookEventSchema.safeParse(delivery.payload);
  if (!event.success)
    return outcome(null, `payload does not match the contract: ${event.error.issues[0]?.message}`);
  const body = JSON.stringify(event.data);
  const headers = await webhookHeaders(
    delivery.secrets,
    webhookId(delivery.event_id),
    Math.floor(deps.now() / 1000),
    body,
  );
  try {
    const response = await deps.fetch(delivery.url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'user-agent': 'ClientReferralProgram-Webhooks/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
    // the answer's body means nothing to us; release the connection
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return outcome(response.status, ok ? null : `the endpoint answered ${response.status}`);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return outcome(null, `no answer within ${(deps.timeoutMs ?? 15_000) / 1000} s`);
    return outcome(null, `could not connect: ${(error as Error).message}`.slice(0, 500));
  }
}

export function createDeliverWebhooksApp(deps: DeliverWebhooksDeps) {
  const app = functionApp('deliver-webhooks');
  app.post(
    '/',
    requireRole('service_role', 'Only the platform scheduler can deliver webhooks.'),
    async () => {
      const batchSize = deps.batchSize ?? 100;
      const deadline = deps.now() + (deps.budgetMs ?? 25_000);
      const resolved = new Map<string, Promise<string[]>>();
      const totals = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
      while (deps.now() < deadline) {
        const batch = await deps.claim(batchSize);
        totals.claimed += batch.length;
        if (batch.length === 0) break;
        const outcomes = await Promise.all(batch.map((delivery) => deliverOne(delivery, deps, resolved)));
        for (const { status } of await deps.finish(outcomes)) {
          if (status === 'delivered') totals.delivered++;
          else if (status === 'failed') totals.failed++;
          else totals.retrying++;
        }
        if (batch.length < batchSize) break;
      }
      return json(200, totals);
    },
  );
  app.all('/', onlyMethod('POST'));
  return app;
}
