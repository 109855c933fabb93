/**
 * Webhook delivery throughput: 3,000 payer requests queued in one statement (one `request.created`
 * delivery each, to a receiver on this machine), drained by two deliver-webhooks workers called
 * side by side (and the stack's own scheduler); the figure is deliveries per second until the
 * outbox is empty, and every `webhook-id` must arrive exactly once.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';

export const webhookBudget = { perSecond: 200 };
const deliveries = 3000;

export async function measureWebhookDelivery(db: pg.Pool, apiUrl: string, serviceRoleKey: string) {
  const seen = new Map<string, number>();
  const server = createServer((request, response) => {
    const id = String(request.headers['webhook-id']);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tag = randomUUID().slice(0, 8);
  try {
    const {
      rows: [clinic],
    } = await db.query(
      `with org as (insert into public.organizations (name, slug, time_zone, referral_program_enabled)
                    values ($1, $2, 'America/New_York', true) returning id),
            loc as (insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
                    select id, 'Main Office', '1 Main Street', 'Boston', 'MA', '02116', 'America/New_York' from org returning id, org_id),
            staff as (insert into public.staff_members (org_id, first_name, last_name, email, roles, default_location_id)
                      select org_id, 'Avery', 'Lindgren', $3, '{therapist}', id from loc returning id, org_id, default_location_id),
            payer as (insert into public.payers (name) values ($4) returning id)
       select staff.org_id, staff.id as staff_id, staff.default_location_id as location_id, payer.id as payer_id from staff, payer`,
      [
        `Webhook Bench ${tag}`,
        `webhook-bench-${tag}`,
        `avery.${tag}@example.org`,
        `Webhook Bench Payer ${tag}`,
      ],
    );
    await db.query(`select public.create_webhook_endpoint($1, $2, '{request.created}')`, [
      clinic.payer_id,
      `http://127.0.0.1:${port}/hooks`,
    ]);
    await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, expires_at, idempotency_key)
       select $1, $2, $3, tstzrange(t, t + interval '1 hour'), 'payer', $4, 'Bench', 'Client', 'bench@example.org',
         '617-555-0188', '1990-01-01', now() + interval '48 hours', 'bench-' || $5 || '-' || i
       from generate_series(1, $6) i, lateral (select timestamptz '2031-01-01 14:00+00' + i * interval '1 hour' as t) s`,
      [clinic.org_id, clinic.staff_id, clinic.location_id, clinic.payer_id, tag, deliveries],
    );
    const remaining = async () =>
      Number(
        (
          await db.query(
            `select count(*) from public.webhook_deliveries where payer_id = $1 and status <> 'delivered'`,
            [clinic.payer_id],
          )
        ).rows[0].count,
      );
    const worker = async () => {
      while ((await remaining()) > 0) {
        const response = await fetch(`${apiUrl}/functions/v1/deliver-webhooks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${serviceRoleKey}`, apikey: serviceRoleKey },
        });
        if (!response.ok)
          throw new Error(`deliver-webhooks answered ${response.status}: ${await response.text()}`);
      }
    };
    const started = performance.now();
    await Promise.all([worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    const received = [...seen.values()].reduce((a, b) => a + b, 0);
    await db.query('delete from public.referral_requests where payer_id = $1', [clinic.payer_id]);
    return {
      perSecond: Math.round(deliveries / seconds),
      seconds,
      deliveries,
      distinct: seen.size,
      duplicates: received - seen.size,
    };
  } finally {
    server.close();
  }
}

export const describeWebhookDelivery = (r: Awaited<ReturnType<typeof measureWebhookDelivery>>) =>
  `${r.perSecond}/s (${r.deliveries} in ${r.seconds.toFixed(1)} s, ${r.distinct} distinct received, ${r.duplicates} duplicates)`;

export const webhookDeliveryMet = (r: Awaited<ReturnType<typeof measureWebhookDelivery>>) =>
  r.perSecond >= webhookBudget.perSecond && r.duplicates === 0 && r.distinct === r.deliveries;
