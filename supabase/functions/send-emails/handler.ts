/**
 * Drains the notification outbox: claims due emails (a lease, `skip locked`), renders each
 * template, sends it through a Resend-compatible HTTP API with the outbox row's idempotency key
 * (so a retry never delivers twice), and records the outcome. A calendar file goes as Resend
 * takes attachments: `attachments: [{ filename, content (base64), content_type }]`. The database decides what a
 * failure means (retry with backoff, or dead letter after the 72-hour window); an email given up
 * on is logged here, one line each, for the operator.
 */
import { functionApp, onlyMethod } from '../_shared/app.ts';
import { json } from '../_shared/http.ts';
import { requireRole } from '../_shared/middleware.ts';
import { renderEmail, TemplateError } from '../_shared/email-templates.ts';
import { deadLetterLogLine, providerRefusal, type DeliveryOutcome } from './delivery-outcome.ts';

export interface OutboxEmail {
  id: string;
  template: string;
  recipient: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  org_id?: string;
  attempts?: number;
}

/** The outbox status after an outcome is recorded (null: the row was not being sent). */
export type FinishedStatus = 'sent' | 'pending' | 'dead_letter' | null;

export interface SendEmailsDeps {
  claim(batchSize: number): Promise<OutboxEmail[]>;
  finish(id: string, outcome: DeliveryOutcome): Promise<FinishedStatus>;
  fetch: typeof fetch;
  emailApiUrl: string;
  emailApiKey: string;
  siteUrl: string;
  from: string;
  /** where dead letters are reported (console.error in the function) */
  logError(line: string): void;
}

async function sendOne(email: OutboxEmail, deps: SendEmailsDeps): Promise<DeliveryOutcome> {
  let rendered;
  try {
    rendered = renderEmail(email.template, email.payload, deps.siteUrl, {
      recipient: email.recipient,
      sender: deps.from,
    });
  } catch (error) {
    if (error instanceof TemplateError)
      return { delivered: false, error: `template: ${error.message}`, permanent: true };
    throw error;
  }
  try {
    const response = await deps.fetch(`${deps.emailApiUrl.replace(/\/$/, '')}/emails`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${deps.emailApiKey}`,
        'content-type': 'application/json',
        'idempotency-key': email.idempotency_key,
      },
      body: JSON.stringify({ from: deps.from, to: [email.recipient], ...rendered }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return providerRefusal(response.status, await response.text());
    const body = await response.json().catch(() => ({}));
    return { delivered: true, providerId: typeof body.id === 'string' ? body.id : undefined };
  } catch (error) {
    return { delivered: false, error: `email API unreachable: ${(error as Error).message}` };
  }
}

export function createSendEmailsApp(deps: SendEmailsDeps) {
  const app = functionApp('send-emails');
  app.post('/', requireRole('service_role', 'Only the platform scheduler can send emails.'), async () => {
    const emails = await deps.claim(25);
    let sent = 0;
    let failed = 0;
    let deadLettered = 0;
    for (const email of emails) {
      const outcome = await sendOne(email, deps);
      const status = await deps.finish(email.id, outcome);
      if (outcome.delivered) sent++;
      else failed++;
      if (status === 'dead_letter') {
        deadLettered++;
        deps.logError(deadLetterLogLine(email, outcome.error));
      }
    }
    return json(200, { claimed: emails.length, sent, failed, dead_lettered: deadLettered });
  });
  app.all('/', onlyMethod('POST'));
  return app;
}
