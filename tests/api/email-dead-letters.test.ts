/**
 * Email delivery never silently gives up: an email whose provider is down is retried with
 * backoff (1 min, doubling, capped at 1 h) until 72 hours after its first attempt; the attempt
 * that fails after that dead-letters it. The clinic's org admins (and no one else) see the dead
 * letter and can resend it; the inbox then receives it exactly once.
 *
 * The provider's outage is played by the test: it holds each attempt's lease (so the stack's
 * own email worker leaves the row alone) and records the attempt as failed, as the email
 * function does when the provider is unreachable. Time is moved in the database (the first
 * attempt's timestamp), not waited for.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { localInboxKey } from '../../supabase/local/config.ts';
import { waitForEmail } from './factories.ts';
import { anonClient, serviceClient, testEnv, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
const providerDown = 'email API unreachable: error sending request: Connection refused (os error 111)';
let admin: Client, otherAdmin: Client, scheduler: Client, therapist: Client;

beforeAll(async () => {
  [admin, otherAdmin, scheduler, therapist] = await Promise.all([
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('otherOrgAdmin'),
    personas.signedInAs('scheduler'),
    personas.signedInAs('therapist'),
  ]);
});

interface QueuedEmail {
  id: string;
  recipient: string;
  idempotencyKey: string;
}

/** A confirmation email of the personas' clinic, already claimed by "our" worker (first attempt under way). */
async function emailBeingSent(
  template: 'request_confirmed' | 'request_verification' = 'request_confirmed',
): Promise<QueuedEmail> {
  const recipient = `dead.letter.${randomUUID().slice(0, 8)}@example.org`;
  const idempotencyKey = `${template}:${randomUUID()}`;
  const payload = {
    practice_name: personas.clinic.name,
    starts_at: '2027-05-04T13:00:00Z',
    time_zone: 'America/New_York',
  };
  const { rows } = await withDb((db) =>
    db.query<{ id: string }>(
      `insert into public.notification_outbox (org_id, template, recipient, payload, idempotency_key, status, attempts, first_attempt_at, next_attempt_at)
       values ($1, $2, $3, $4, $5, 'sending', 1, now(), now() + interval '10 minutes') returning id`,
      [
        personas.clinic.id,
        template,
        recipient,
        template === 'request_verification' ? { ...payload, token: 'x'.repeat(43) } : payload,
        idempotencyKey,
      ],
    ),
  );
  return { id: rows[0]!.id, recipient, idempotencyKey };
}

/** The provider is down: the attempt under way fails; returns the status the outbox decides. */
async function failAttempt(id: string, options: { permanent?: boolean } = {}) {
  const { data, error } = await service.rpc('finish_notification', {
    notification_id: id,
    delivered: false,
    error: providerDown,
    ...options,
  });
  expect(error).toBeNull();
  return data;
}

/** The next attempt starts (our worker claims the row again), `hoursLater` after the first one. */
async function nextAttempt(id: string, options: { hoursSinceFirst?: number; attempts?: number } = {}) {
  await withDb((db) =>
    db.query(
      `update public.notification_outbox
       set status = 'sending', attempts = coalesce($3, attempts + 1), next_attempt_at = now() + interval '10 minutes',
           first_attempt_at = case when $2::float8 is null then first_attempt_at else now() - make_interval(secs => $2::float8 * 3600) end
       where id = $1 and status = 'pending'`,
      [id, options.hoursSinceFirst ?? null, options.attempts ?? null],
    ),
  );
}

/** Seconds from now until the row's next attempt, as the database sees it. */
async function secondsToNextAttempt(id: string): Promise<number> {
  const { rows } = await withDb((db) =>
    db.query<{ s: number }>(
      'select extract(epoch from next_attempt_at - now())::float8 as s from public.notification_outbox where id = $1',
      [id],
    ),
  );
  return rows[0]!.s;
}

async function deadLetter(): Promise<QueuedEmail> {
  const email = await emailBeingSent();
  await nextAttempt(email.id);
  expect(await failAttempt(email.id)).toBe('pending');
  await nextAttempt(email.id, { hoursSinceFirst: 72.01 });
  expect(await failAttempt(email.id)).toBe('dead_letter');
  return email;
}

const visibleColumns =
  'id, org_id, template, recipient, status, attempts, last_error, first_attempt_at, dead_lettered_at, created_at';

async function inboxMessagesTo(recipient: string): Promise<{ id: string; subject: string }[]> {
  return (await fetch(`${testEnv().inboxUrl}/api/messages?to=${encodeURIComponent(recipient)}`)).json();
}

async function waitUntilSent(id: string) {
  for (let i = 0; i < 60; i++) {
    const { data } = await service
      .from('notification_outbox')
      .select('status, provider_message_id')
      .eq('id', id)
      .single();
    if (data?.status === 'sent') return data;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`email ${id} was not sent within 15 s`);
}

describe('retries while the provider is down', () => {
  it('backs off from 1 minute, doubling, capped at 1 hour, and keeps retrying until 72 hours after the first attempt', async () => {
    const email = await emailBeingSent();
    expect(await failAttempt(email.id)).toBe('pending');
    expect(await secondsToNextAttempt(email.id)).toBeGreaterThan(55);
    expect(await secondsToNextAttempt(email.id)).toBeLessThanOrEqual(60);

    await nextAttempt(email.id);
    expect(await failAttempt(email.id)).toBe('pending');
    expect(await secondsToNextAttempt(email.id)).toBeGreaterThan(115);
    expect(await secondsToNextAttempt(email.id)).toBeLessThanOrEqual(120);

    // the old rule gave up at the 8th attempt, about an hour in
    await nextAttempt(email.id, { attempts: 8, hoursSinceFirst: 1.1 });
    expect(await failAttempt(email.id)).toBe('pending');
    expect(await secondsToNextAttempt(email.id)).toBeGreaterThan(3595);
    expect(await secondsToNextAttempt(email.id)).toBeLessThanOrEqual(3600);

    await nextAttempt(email.id, { hoursSinceFirst: 71.9 });
    expect(await failAttempt(email.id)).toBe('pending');

    await nextAttempt(email.id, { hoursSinceFirst: 72.01 });
    expect(await failAttempt(email.id)).toBe('dead_letter');
    const { data } = await service
      .from('notification_outbox')
      .select('status, last_error, dead_lettered_at, attempts')
      .eq('id', email.id)
      .single();
    expect(data).toMatchObject({ status: 'dead_letter', last_error: providerDown, attempts: 10 });
    expect(data?.dead_lettered_at).not.toBeNull();
  });

  it('dead-letters at once a failure no retry can fix (the provider refused the message)', async () => {
    const email = await emailBeingSent();
    expect(await failAttempt(email.id, { permanent: true })).toBe('dead_letter');
  });

  it('only the platform records attempts', async () => {
    const email = await emailBeingSent();
    const { error } = await admin.rpc('finish_notification', { notification_id: email.id, delivered: true });
    expect(error?.code).toBe('42501');
  });
});

describe('dead letters: who sees them', () => {
  it('the org admins of the clinic see the dead letter with its last error; other clinics, schedulers and therapists do not', async () => {
    const email = await deadLetter();
    const { data, error } = await admin.from('notification_outbox').select(visibleColumns).eq('id', email.id);
    expect(error).toBeNull();
    expect(data).toEqual([
      expect.objectContaining({
        id: email.id,
        org_id: personas.clinic.id,
        template: 'request_confirmed',
        recipient: email.recipient,
        status: 'dead_letter',
        last_error: providerDown,
      }),
    ]);
    for (const client of [otherAdmin, scheduler, therapist]) {
      expect(
        (await client.from('notification_outbox').select(visibleColumns).eq('id', email.id)).data,
      ).toEqual([]);
    }
    expect((await anonClient().from('notification_outbox').select('id').eq('id', email.id)).error?.code).toBe(
      '42501',
    );
  });

  it('admins never read the payload, the idempotency key or the provider id, nor emails still on their way', async () => {
    const email = await deadLetter();
    for (const column of ['payload', 'idempotency_key', 'provider_message_id']) {
      expect((await admin.from('notification_outbox').select(column).eq('id', email.id)).error?.code).toBe(
        '42501',
      );
    }
    const queued = await emailBeingSent();
    expect((await admin.from('notification_outbox').select('id').eq('id', queued.id)).data).toEqual([]);
  });

  it('a dead verification email stays platform-only (its address is unverified; its link has expired) and loses its token', async () => {
    const email = await emailBeingSent('request_verification');
    expect(await failAttempt(email.id, { permanent: true })).toBe('dead_letter');
    expect((await admin.from('notification_outbox').select('id').eq('id', email.id)).data).toEqual([]);
    expect((await admin.rpc('resend_undelivered_email', { notification_id: email.id })).error?.code).toBe(
      'PT404',
    );
    const { data } = await service.from('notification_outbox').select('payload').eq('id', email.id).single();
    expect(data?.payload).not.toHaveProperty('token');
  });
});

describe('resend', () => {
  it('is refused to other clinics, schedulers, therapists and anonymous callers, changing nothing', async () => {
    const email = await deadLetter();
    for (const client of [otherAdmin, scheduler, therapist]) {
      const { error } = await client.rpc('resend_undelivered_email', { notification_id: email.id });
      expect(error?.code).toBe('PT404');
    }
    expect(
      (await anonClient().rpc('resend_undelivered_email', { notification_id: email.id })).error?.code,
    ).toBe('42501');
    expect((await admin.rpc('resend_undelivered_email', { notification_id: randomUUID() })).error?.code).toBe(
      'PT404',
    );
    const { data } = await service.from('notification_outbox').select('status').eq('id', email.id).single();
    expect(data?.status).toBe('dead_letter');
    expect((await service.from('audit_log').select('id').eq('entity_id', email.id)).data).toEqual([]);
  });

  it('requeues the dead letter with a fresh window and an audit row; the inbox receives it exactly once, however often the admin clicks', async () => {
    const email = await deadLetter();
    expect(await inboxMessagesTo(email.recipient)).toEqual([]);

    // two clicks at once: one requeues, the other finds it queued (or already on its way)
    const clicks = await Promise.all(
      [1, 2].map(() => admin.rpc('resend_undelivered_email', { notification_id: email.id })),
    );
    expect(clicks.map((c) => c.error)).toEqual([null, null]);
    expect(clicks.map((c) => c.data)).toContain('pending');

    const message = await waitForEmail(email.recipient);
    expect(message.subject).toBe(`Your appointment with ${personas.clinic.name} is confirmed`);
    const sent = await waitUntilSent(email.id);
    expect(sent.provider_message_id).toBe(message.id);

    // a click after delivery changes nothing
    expect((await admin.rpc('resend_undelivered_email', { notification_id: email.id })).data).toBe('sent');
    expect(await inboxMessagesTo(email.recipient)).toHaveLength(1);

    const { data: audit } = await admin
      .from('audit_log')
      .select('action, actor_staff_id, before, after')
      .eq('entity_id', email.id);
    expect(audit).toEqual([
      {
        action: 'email.resent',
        actor_staff_id: personas.staff.orgAdmin.id,
        before: expect.objectContaining({
          status: 'dead_letter',
          template: 'request_confirmed',
          last_error: providerDown,
        }),
        after: { status: 'pending' },
      },
    ]);
    // the resent email is no longer in the admins' list
    expect((await admin.from('notification_outbox').select('id').eq('id', email.id)).data).toEqual([]);
  });

  it('keeps the idempotency key: if an attempt reached the provider after all, resending delivers nothing twice', async () => {
    const email = await deadLetter();
    // an earlier attempt whose answer was lost: the provider has the message under the row's key
    const earlier = await fetch(`${testEnv().inboxUrl}/emails`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${localInboxKey}`,
        'content-type': 'application/json',
        'idempotency-key': email.idempotencyKey,
      },
      body: JSON.stringify({
        from: 'no-reply@clientreferral.app',
        to: [email.recipient],
        subject: 'Your appointment is confirmed',
        text: 'Confirmed.',
      }),
    });
    const { id: earlierId } = (await earlier.json()) as { id: string };

    expect((await admin.rpc('resend_undelivered_email', { notification_id: email.id })).data).toBe('pending');
    const sent = await waitUntilSent(email.id);
    expect(sent.provider_message_id).toBe(earlierId);
    expect(await inboxMessagesTo(email.recipient)).toHaveLength(1);
  });
});
