/**
 * `npm run payer`: onboarding payers without SQL. Each command checks its input before it opens
 * a connection and writes in one statement, so bad input names the problem and writes nothing.
 * Secrets and keys are printed once and never stored in the clear (keys: SHA-256 only; webhook
 * secrets are kept to sign with, readable by the service role alone).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { webhookEventTypes } from '../functions/_shared/contract/webhook-events.ts';
import { webhookUrlProblem } from '../functions/_shared/webhook-target.ts';

export class UsageError extends Error {}

export interface CliIo {
  out(line: string): void;
  /** the local stack's database, used when no --db-url is given */
  defaultDbUrl: string;
}

export const usage = `Usage: npm run payer -- <command> [options] [--db-url <postgres URL>]

Commands:
  create --name <name> [--contact-email <email>]         add a payer (prints its id)
  list                                                    payers with their keys and webhook endpoints
  key:create --payer <id> --label <label> [--rate-limit <calls per minute, default 120>]
                                                          a new API key (printed once)
  key:revoke --key <key id>                               revoke a key at once
  endpoint:add --payer <id> --url <https URL> [--events <type,type>] [--allow-loopback]
                                                          a webhook endpoint (its secret printed once);
                                                          events: ${webhookEventTypes.join(', ')} (default: all)
  endpoint:rotate-secret --endpoint <id> [--overlap-hours <hours, default 24>]
                                                          a new secret; the old one also signs for the overlap
  endpoint:disable --endpoint <id>                        stop sending to an endpoint
  endpoint:enable --endpoint <id>                         send again (after a 410 or 72 hours of failures)

Without --db-url the command talks to the local stack's database (npm start).
--allow-loopback accepts a receiver on this machine (http://127.0.0.1:…), for the local stack only;
deliveries in production refuse such addresses whatever is stored.`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const options = {
  'db-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  'contact-email': { type: 'string' },
  payer: { type: 'string' },
  label: { type: 'string' },
  'rate-limit': { type: 'string' },
  key: { type: 'string' },
  url: { type: 'string' },
  events: { type: 'string' },
  'allow-loopback': { type: 'boolean' },
  endpoint: { type: 'string' },
  'overlap-hours': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

const commandOptions: Record<string, (keyof typeof options)[]> = {
  create: ['name', 'contact-email'],
  list: [],
  'key:create': ['payer', 'label', 'rate-limit'],
  'key:revoke': ['key'],
  'endpoint:add': ['payer', 'url', 'events', 'allow-loopback'],
  'endpoint:rotate-secret': ['endpoint', 'overlap-hours'],
  'endpoint:disable': ['endpoint'],
  'endpoint:enable': ['endpoint'],
};

function required(values: Values, name: 'name' | 'payer' | 'label' | 'key' | 'url' | 'endpoint'): string {
  const value = values[name]?.trim();
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function id(values: Values, name: 'payer' | 'key' | 'endpoint'): string {
  const value = required(values, name);
  if (!uuidPattern.test(value)) throw new UsageError(`--${name} must be an id (a UUID), not "${value}"`);
  return value;
}

function wholeNumber(value: string | undefined, name: string, min: number, max: number, fallback: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function eventTypes(value: string | undefined): string[] {
  if (value === undefined) return [...webhookEventTypes];
  const types = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (types.length === 0) throw new UsageError('--events lists no event type');
  const unknown = types.find((t) => !(webhookEventTypes as readonly string[]).includes(t));
  if (unknown)
    throw new UsageError(
      `--events: unknown event type "${unknown}" (known: ${webhookEventTypes.join(', ')})`,
    );
  return [...new Set(types)];
}

/** Parses and checks the arguments; throws UsageError naming the first problem. */
export function parseCommand(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { command: 'help' as const, values };
  const [command = '', ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const allowed = commandOptions[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"`);
  const stray = (Object.keys(values) as (keyof typeof options)[]).find(
    (o) => o !== 'db-url' && !allowed.includes(o),
  );
  if (stray) throw new UsageError(`${command} takes no --${stray}`);
  return { command, values };
}

/** Turns database refusals into sentences; anything else is rethrown. */
function explain(error: unknown): never {
  const e = error as { code?: string; constraint?: string; message: string };
  if (e.code === '23505' && e.constraint === 'payers_name_key')
    throw new UsageError('a payer with this name already exists');
  if (e.code === '23514') throw new UsageError(`the database refused the value: ${e.message}`);
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === '28P01' || e.code === '3D000')
    throw new UsageError(
      `could not connect to the database (${e.message}); is the local stack running (npm start), or is --db-url right?`,
    );
  throw error;
}

async function withDb<T>(url: string, run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  try {
    await db.connect();
  } catch (error) {
    explain(error);
  }
  try {
    return await run(db);
  } catch (error) {
    return explain(error);
  } finally {
    await db.end();
  }
}

async function mustExist(
  db: pg.Client,
  table: 'payers' | 'payer_api_keys' | 'webhook_endpoints',
  value: string,
  what: string,
) {
  const { rowCount } = await db.query(`select 1 from public.${table} where id = $1`, [value]);
  if (!rowCount) throw new UsageError(`no ${what} with id ${value}`);
}

/** Runs one command (argv without the script's name); prints through `io.out`. */
export async function runPayerCommand(argv: string[], io: CliIo): Promise<void> {
  const { command, values } = parseCommand(argv);
  if (command === 'help') return io.out(usage);
  const dbUrl = values['db-url'] ?? io.defaultDbUrl;

  switch (command) {
    case 'create': {
      const name = required(values, 'name');
      if (name.length > 200) throw new UsageError('--name is longer than 200 characters');
      const email = values['contact-email']?.trim();
      if (email !== undefined && (!emailPattern.test(email) || email.length > 254))
        throw new UsageError(`--contact-email is not an email address: "${email}"`);
      const payer = await withDb(dbUrl, async (db) => {
        const { rows } = await db.query(
          'insert into public.payers (name, contact_email) values ($1, $2) returning id',
          [name, email ?? null],
        );
        return rows[0].id as string;
      });
      io.out(`Created payer ${name}: ${payer}`);
      return;
    }
    case 'list': {
      const rows = await withDb(
        dbUrl,
        async (db) =>
          (
            await db.query(`
            select p.id, p.name, p.contact_email,
              (select count(*) from public.payer_api_keys k where k.payer_id = p.id and k.revoked_at is null)::int as keys,
              coalesce((select json_agg(json_build_object('id', w.id, 'url', w.url, 'enabled', w.enabled,
                  'disabled_reason', w.disabled_reason) order by w.created_at)
                from public.webhook_endpoints w where w.payer_id = p.id), '[]') as endpoints
            from public.payers p order by p.name`)
          ).rows,
      );
      if (rows.length === 0) io.out('No payers yet: npm run payer -- create --name "<name>"');
      for (const p of rows) {
        io.out(
          `${p.id}  ${p.name}${p.contact_email ? ` <${p.contact_email}>` : ''}  ${p.keys} active key(s)`,
        );
        for (const w of p.endpoints as {
          id: string;
          url: string;
          enabled: boolean;
          disabled_reason: string | null;
        }[])
          io.out(
            `    endpoint ${w.id}  ${w.url}  ${w.enabled ? 'enabled' : `disabled (${w.disabled_reason})`}`,
          );
      }
      return;
    }
    case 'key:create': {
      const payer = id(values, 'payer');
      const label = required(values, 'label');
      if (label.length > 100) throw new UsageError('--label is longer than 100 characters');
      const rate = wholeNumber(values['rate-limit'], 'rate-limit', 1, 100_000, 120);
      const key = await withDb(dbUrl, async (db) => {
        await mustExist(db, 'payers', payer, 'payer');
        const { rows } = await db.query('select public.create_payer_api_key($1, $2, $3) as key', [
          payer,
          label,
          rate,
        ]);
        return rows[0].key as string;
      });
      io.out(`API key (shown once; store it now): ${key}`);
      return;
    }
    case 'key:revoke': {
      const key = id(values, 'key');
      await withDb(dbUrl, async (db) => {
        await mustExist(db, 'payer_api_keys', key, 'API key');
        await db.query('select public.revoke_payer_api_key($1)', [key]);
      });
      io.out(`Revoked API key ${key}`);
      return;
    }
    case 'endpoint:add': {
      const payer = id(values, 'payer');
      const url = required(values, 'url');
      const problem = webhookUrlProblem(url, { allowLoopback: values['allow-loopback'] ?? false });
      if (problem) throw new UsageError(`--url: ${problem}`);
      const types = eventTypes(values.events);
      const endpoint = await withDb(dbUrl, async (db) => {
        await mustExist(db, 'payers', payer, 'payer');
        const { rows } = await db.query(
          'select id, secret from public.create_webhook_endpoint($1, $2, $3::public.webhook_event_type[])',
          [payer, url, types],
        );
        return rows[0] as { id: string; secret: string };
      });
      io.out(`Endpoint ${endpoint.id} for ${url} (${types.join(', ')})`);
      io.out(`Signing secret (shown once; give it to the payer): ${endpoint.secret}`);
      return;
    }
    case 'endpoint:rotate-secret': {
      const endpoint = id(values, 'endpoint');
      const hours = wholeNumber(values['overlap-hours'], 'overlap-hours', 0, 168, 24);
      const secret = await withDb(dbUrl, async (db) => {
        await mustExist(db, 'webhook_endpoints', endpoint, 'webhook endpoint');
        const { rows } = await db.query(
          `select public.rotate_webhook_secret($1, make_interval(hours => $2)) as secret`,
          [endpoint, hours],
        );
        return rows[0].secret as string;
      });
      io.out(`New signing secret (shown once): ${secret}`);
      io.out(`The previous secret also signs deliveries for ${hours} more hour(s).`);
      return;
    }
    case 'endpoint:disable':
    case 'endpoint:enable': {
      const endpoint = id(values, 'endpoint');
      const enable = command === 'endpoint:enable';
      await withDb(dbUrl, async (db) => {
        await mustExist(db, 'webhook_endpoints', endpoint, 'webhook endpoint');
        await db.query('select public.set_webhook_endpoint_enabled($1, $2)', [endpoint, enable]);
      });
      io.out(`${enable ? 'Enabled' : 'Disabled'} endpoint ${endpoint}`);
      return;
    }
  }
}
