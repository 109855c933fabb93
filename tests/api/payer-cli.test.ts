/**
 * `npm run payer` against the test stack's database: each command does what it says, keys and
 * secrets work at once (and a rotated endpoint is signed with both secrets), and bad input names
 * the problem and writes nothing.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPayerCommand, UsageError } from '../../supabase/cli/payer-commands.ts';
import { personasForThisFile, testEnv, withDb } from './personas.ts';
import { eventually, startReceiver } from './support/webhook-receiver.ts';

const personas = personasForThisFile();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** Runs a command in-process against the test database; returns what it printed. */
async function payer(...argv: string[]) {
  const lines: string[] = [];
  await runPayerCommand([...argv, '--db-url', testEnv().dbUrl], {
    out: (l) => lines.push(l),
    defaultDbUrl: 'unused',
  });
  return lines.join('\n');
}
const refusal = async (...argv: string[]) => {
  const error = await payer(...argv).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
};
const counts = () =>
  withDb(
    async (db) =>
      (
        await db.query(`select (select count(*) from public.payers)::int payers,
          (select count(*) from public.payer_api_keys)::int keys,
          (select count(*) from public.webhook_endpoints)::int endpoints,
          (select count(*) from public.webhook_endpoints where not enabled)::int disabled,
          (select count(*) from public.payer_api_keys where revoked_at is not null)::int revoked`)
      ).rows[0],
  );
const payerApi = async (path: string, key: string) =>
  (
    await fetch(`${testEnv().apiUrl}/functions/v1/payer-api${path}`, {
      headers: { authorization: `Bearer ${key}` },
    })
  ).status;

describe('npm run payer', () => {
  it('--help lists every command; the script exits 2 with the problem on stderr', async () => {
    expect(await payer('--help')).toMatch(
      /create[\s\S]*list[\s\S]*key:create[\s\S]*key:revoke[\s\S]*endpoint:add[\s\S]*endpoint:rotate-secret[\s\S]*endpoint:disable/,
    );
    const run = await promisify(execFile)(
      'npx',
      ['tsx', 'supabase/cli/payer.ts', 'key:create', '--payer', 'nope'],
      {
        cwd: process.cwd(),
      },
    ).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(run?.code).toBe(2);
    expect(run?.stderr).toContain('payer: --payer must be an id (a UUID), not "nope"');
  });

  it('creates a payer, a key that works at once, and revokes it', async () => {
    const name = `Tufts Health Plan ${randomUUID().slice(0, 8)}`;
    const created = await payer(
      'create',
      '--name',
      name,
      '--contact-email',
      'integrations@tufts.example.org',
    );
    const payerId = /: ([0-9a-f-]{36})$/.exec(created)![1]!;
    expect(await payer('list')).toContain(
      `${payerId}  ${name} <integrations@tufts.example.org>  0 active key(s)`,
    );
    const key = /(crp_[0-9a-f]{64})/.exec(
      await payer('key:create', '--payer', payerId, '--label', 'production'),
    )![1]!;
    expect(await payerApi('/webhook-endpoints', key)).toBe(200);
    const keyId = await withDb(
      async (db) =>
        (await db.query('select id from public.payer_api_keys where payer_id = $1', [payerId])).rows[0].id,
    );
    expect(await payer('key:revoke', '--key', keyId)).toBe(`Revoked API key ${keyId}`);
    expect(await payerApi('/webhook-endpoints', key)).toBe(401);
  });

  it('adds an endpoint whose secret verifies deliveries; after a rotation both secrets do; disable stops it', async () => {
    const path = `/cli/${randomUUID()}`;
    const added = await payer(
      'endpoint:add',
      '--payer',
      personas.payers.cigna,
      '--url',
      receiver.url(path),
      '--events',
      'request.created',
      '--allow-loopback',
    );
    const endpointId = /^Endpoint ([0-9a-f-]{36})/.exec(added)![1]!;
    const oldSecret = /(whsec_\S+)$/.exec(added)![1]!;
    const rotated = await payer('endpoint:rotate-secret', '--endpoint', endpointId, '--overlap-hours', '2');
    const newSecret = /(whsec_\S+)$/m.exec(rotated)![1]!;
    expect(newSecret).not.toBe(oldSecret);

    await withDb((db) =>
      db.query(
        `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
           email, phone, date_of_birth, expires_at, idempotency_key)
         values ($1, $2, $3, tstzrange('2027-09-01 14:00+00', '2027-09-01 15:00+00'), 'payer', $4, 'Elena', 'Castillo',
           'elena@example.org', '617-555-0188', '1991-04-12', now() + interval '48 hours', $5)`,
        [
          personas.clinic.id,
          personas.staff.therapist.id,
          personas.clinic.locationId,
          personas.payers.cigna,
          randomUUID(),
        ],
      ),
    );
    const [got] = await eventually(() => (receiver.at(path).length ? receiver.at(path) : undefined));
    const headers = {
      'webhook-id': String(got!.headers['webhook-id']),
      'webhook-timestamp': String(got!.headers['webhook-timestamp']),
      'webhook-signature': String(got!.headers['webhook-signature']),
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(got!.body, headers)).toMatchObject({ type: 'request.created' });
    expect(new Webhook(newSecret).verify(got!.body, headers)).toMatchObject({ type: 'request.created' });

    expect(await payer('endpoint:disable', '--endpoint', endpointId)).toBe(`Disabled endpoint ${endpointId}`);
    expect(await payer('list')).toContain(
      `endpoint ${endpointId}  ${receiver.url(path)}  disabled (platform)`,
    );
    expect(await payer('endpoint:enable', '--endpoint', endpointId)).toBe(`Enabled endpoint ${endpointId}`);
  });

  it('bad input names the problem and writes nothing', async () => {
    const before = await counts();
    const unknownId = randomUUID();
    const payerId = personas.payers.aetna;
    const cases: [string[], string][] = [
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['create'], '--name is required'],
      [
        ['create', '--name', 'X', '--contact-email', 'not-an-email'],
        '--contact-email is not an email address: "not-an-email"',
      ],
      [['create', '--name', personas.payerNames.aetna], 'a payer with this name already exists'],
      [['create', '--name', 'X', '--url', 'https://x.example.com'], 'create takes no --url'],
      [['create', '--nme', 'X'], "Unknown option '--nme'"],
      [['key:create', '--payer', unknownId, '--label', 'x'], `no payer with id ${unknownId}`],
      [['key:create', '--payer', payerId], '--label is required'],
      [
        ['key:create', '--payer', payerId, '--label', 'x', '--rate-limit', '0'],
        '--rate-limit must be a whole number from 1 to 100000, not "0"',
      ],
      [['key:revoke', '--key', unknownId], `no API key with id ${unknownId}`],
      [
        ['endpoint:add', '--payer', payerId, '--url', 'http://hooks.example.com/'],
        '--url: the URL must start with https:// (not http://)',
      ],
      [
        ['endpoint:add', '--payer', payerId, '--url', 'https://a:b@hooks.example.com/'],
        '--url: the URL must not carry a user name or password',
      ],
      [
        ['endpoint:add', '--payer', payerId, '--url', 'https://192.168.1.20/hook'],
        '--url: the host is a private address',
      ],
      [
        ['endpoint:add', '--payer', payerId, '--url', 'https://169.254.169.254/'],
        '--url: the host is a link-local address',
      ],
      [
        ['endpoint:add', '--payer', payerId, '--url', 'http://127.0.0.1:9/'],
        '--url: the URL must start with https:// (not http://)',
      ],
      [
        [
          'endpoint:add',
          '--payer',
          payerId,
          '--url',
          'https://hooks.example.com/',
          '--events',
          'request.paid',
        ],
        '--events: unknown event type "request.paid" (known: request.created, request.confirmed, request.declined, request.expired, request.withdrawn, request.alternatives_offered)',
      ],
      [
        ['endpoint:add', '--payer', unknownId, '--url', 'https://hooks.example.com/'],
        `no payer with id ${unknownId}`,
      ],
      [['endpoint:rotate-secret', '--endpoint', unknownId], `no webhook endpoint with id ${unknownId}`],
      [
        ['endpoint:rotate-secret', '--endpoint', unknownId, '--overlap-hours', 'soon'],
        '--overlap-hours must be a whole number from 0 to 168, not "soon"',
      ],
      [['endpoint:disable', '--endpoint', 'abc'], '--endpoint must be an id (a UUID), not "abc"'],
    ];
    for (const [argv, message] of cases) expect(await refusal(...argv), argv.join(' ')).toBe(message);
    const unreachable = await runPayerCommand(
      ['list', '--db-url', 'postgresql://postgres:postgres@127.0.0.1:9/postgres'],
      {
        out: () => {},
        defaultDbUrl: 'unused',
      },
    ).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(unreachable).toMatch(
      /^could not connect to the database \(.*\); is the local stack running \(npm start\), or is --db-url right\?$/,
    );
    expect(await counts()).toEqual(before);
  });
});
