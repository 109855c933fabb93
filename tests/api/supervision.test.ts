/**
 * The supervised stack under faults, against real parts in a stack of its own (ports and folder
 * from side-stack.ts): each part killed with SIGKILL comes back while the APIs answer 503 with
 * Retry-After (never 500) meanwhile; a part that cannot come back stops the whole stack with one
 * line; a SIGKILLed process group leaves nothing behind, nor does Ctrl-C at any start-up stage;
 * a later start stops what a crashed stack left running.
 */
import net from 'node:net';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUrl } from '../../supabase/local/config.ts';
import { apiKeys } from '../../supabase/local/keys.ts';
import { insertAccount, testAccountPassword } from './personas.ts';
import {
  groupAlive,
  killEverything,
  leftAfter,
  recordedPid,
  recordedParts,
  settings,
  startStackProcess,
  type StackProcess,
} from './support/stack-process.ts';

const api = `http://localhost:${settings.ports.gateway}`;
let anonKey = '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the front doors read: a clinic with the program and an account, made in the stack's own database. */
const frontDoorClinic = 'supervision-clinic';
const frontDoorEmail = 'supervision.scheduler@example.org';

/** Makes the front doors' clinic and account in a started stack's database, unless a previous start made them. */
async function arrangeFrontDoors(): Promise<void> {
  const db = new pg.Client({ connectionString: dbUrl(settings) });
  await db.connect();
  try {
    await db.query(
      `insert into public.organizations (name, slug, time_zone, referral_program_enabled)
       values ('Supervision Clinic', $1, 'America/New_York', true) on conflict (slug) do nothing`,
      [frontDoorClinic],
    );
    const { rowCount } = await db.query('select 1 from auth.users where email = $1', [frontDoorEmail]);
    if (!rowCount) await insertAccount(db, frontDoorEmail);
  } finally {
    await db.end();
  }
}

/** Starts the stack and waits until it runs with the front doors' data. */
async function startArranged(options: { withApp?: boolean } = {}): Promise<StackProcess> {
  const stack = startStackProcess(options);
  await stack.waitFor(/stack is running/);
  await arrangeFrontDoors();
  return stack;
}

/** Kills whatever runs of the stack and waits until its processes and ports are gone. */
async function stopEverything(stack: StackProcess | null): Promise<void> {
  const parts = recordedParts();
  killEverything(stack);
  await leftAfter(stack?.pgid ?? 0, parts);
}

/** The three front doors that need the database: the payer API, the client portal and sign-in. */
const frontDoors = {
  payerApi: () =>
    fetch(`${api}/functions/v1/payer-api/therapists`, {
      headers: { authorization: `Bearer crp_${'0'.repeat(64)}` },
      signal: AbortSignal.timeout(10_000),
    }),
  clientPortal: () =>
    fetch(`${api}/functions/v1/client-portal/clinics/${frontDoorClinic}`, {
      signal: AbortSignal.timeout(10_000),
    }),
  signIn: () =>
    fetch(`${api}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: frontDoorEmail, password: testAccountPassword }),
      signal: AbortSignal.timeout(10_000),
    }),
};
/** What each answers when everything runs (an unknown payer key is refused, the rest succeed). */
const healthyStatus = { payerApi: 401, clientPortal: 200, signIn: 200 };

/** Polls (bounded) until all three answer as a healthy stack does. */
async function untilHealthy(timeoutMs = 15_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let seen: Record<string, number> = {};
  while (Date.now() < deadline) {
    seen = Object.fromEntries(
      await Promise.all(
        Object.entries(frontDoors).map(async ([name, call]) => [
          name,
          await call().then(
            (r) => r.status,
            () => 0,
          ),
        ]),
      ),
    );
    if (Object.entries(healthyStatus).every(([name, status]) => seen[name] === status)) return seen;
    await sleep(200);
  }
  return seen;
}

/** Listens on `port` as soon as the killed process that held it has let go of it (bounded). */
async function squat(server: net.Server, port: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound || attempt === 100) return void expect(bound, `port ${port} stayed taken`).toBe(true);
    await sleep(2);
  }
}

async function expectUnavailable(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(text).toMatch(/unavailable/);
  expect(text).toMatch(/nothing was saved/);
}

beforeAll(async () => {
  anonKey = (await apiKeys(settings.jwtSecret)).anonKey;
  // a new database for this file's stack
  rmSync(settings.stackDir, { recursive: true, force: true });
});

describe('a part that dies', () => {
  let stack: StackProcess | null = null;
  // each test gets a healthy stack: the one the previous test left running, or a new one
  beforeEach(async () => {
    const healthy = async () => JSON.stringify(await untilHealthy()) === JSON.stringify(healthyStatus);
    if (stack && stack.child.exitCode === null && groupAlive(stack.pgid) && (await healthy())) return;
    await stopEverything(stack);
    stack = await startArranged({ withApp: true });
    expect(await untilHealthy()).toEqual(healthyStatus);
  }, 120_000);
  afterAll(() => stopEverything(stack));

  it('Postgres: payer API, client portal and sign-in answer 503 with Retry-After, then Postgres is restarted', async () => {
    process.kill(recordedPid('postgres'), 'SIGKILL');
    await sleep(100); // the postmaster's sessions notice it is gone
    for (const call of Object.values(frontDoors)) await expectUnavailable(await call());
    // crash recovery on a busy machine can take a while
    await stack?.waitFor(/postgres is back after \d+ ms/, 40_000);
    expect(await untilHealthy()).toEqual(healthyStatus);
    expect(stack?.output()).toMatch(
      /postgres exited unexpectedly \(the process is gone\)\. Its last lines \(.*postgres\.log\):\n {4}.+/,
    );
  }, 60_000);

  // the payer API checks keys over its own database connections, not through PostgREST
  it.each([
    ['postgrest', frontDoors.clientPortal],
    ['edge-runtime', frontDoors.clientPortal],
  ])(
    '%s: the APIs through it answer 503 with Retry-After, then it is restarted',
    async (part, call) => {
      process.kill(-recordedPid(part), 'SIGKILL');
      await expectUnavailable(await call());
      await stack?.waitFor(new RegExp(`${part} is back after \\d+ ms`), 15_000);
      expect(await untilHealthy()).toEqual(healthyStatus);
      expect(stack?.output()).toMatch(new RegExp(`${part} exited unexpectedly \\(signal SIGKILL\\)`));
    },
    60_000,
  );

  it('the app server (Vite) is restarted', async () => {
    process.kill(-recordedPid('app'), 'SIGKILL');
    await stack?.waitFor(/app is back after \d+ ms/, 15_000);
    expect((await fetch(`http://127.0.0.1:${settings.ports.app}/`)).status).toBe(200);
  }, 30_000);

  it('a part that cannot come back stops the whole stack with one line naming it and its log, leaving nothing running', async () => {
    const parts = recordedParts();
    process.kill(-recordedPid('postgrest'), 'SIGKILL');
    // its port taken by something that does not answer HTTP: PostgREST cannot start again
    const squatter = net.createServer((socket) => socket.destroy());
    await squat(squatter, settings.ports.rest);
    try {
      expect(await stack?.exitCode).toBe(1);
      expect(stack?.output()).toMatch(
        /\n {2}postgrest exited \(signal SIGKILL\) and could not be restarted \(.*\), so the stack is stopping; see .*postgrest\.log\n/,
      );
      const left = await leftAfter(stack?.pgid ?? 0, parts);
      expect(left.running).toEqual([]);
      expect(left.busy).toEqual(['rest']); // only the squatter
    } finally {
      squatter.close();
    }
  }, 30_000);
});

describe('the whole stack killed', () => {
  let stack: StackProcess | null = null;
  afterEach(() => stopEverything(stack));

  it('SIGKILL of its process group: the watchdog stops every part, and the next start works', async () => {
    stack = await startArranged();
    const parts = recordedParts();
    process.kill(-stack.pgid, 'SIGKILL');
    const left = await leftAfter(stack.pgid, parts);
    expect(left).toEqual({ running: [], busy: [] });

    stack = await startArranged();
    expect(await untilHealthy()).toEqual(healthyStatus);
  }, 120_000);

  it('SIGKILL of the watchdog and the group: the next start stops the leftovers first, saying so in one line; Ctrl-C after Postgres died stops all within 5 s', async () => {
    stack = await startArranged();
    const parts = recordedParts();
    process.kill(recordedPid('watchdog'), 'SIGKILL');
    process.kill(-(stack?.pgid ?? 0), 'SIGKILL');
    await sleep(500);
    expect((await leftAfter(stack?.pgid ?? 0, [], 5000)).busy).toEqual(
      expect.arrayContaining(['rest', 'functions']),
    );

    stack = await startArranged();
    expect(stack.output()).toMatch(
      /Stopped what an earlier stack that did not shut down left running: .*postgrest \(pid \d+\).*edge-runtime \(pid \d+\)/,
    );
    expect(await untilHealthy()).toEqual(healthyStatus);
    for (const p of parts.filter((p) => p.part !== 'postgres'))
      expect(recordedParts().map((r) => r.pid)).not.toContain(p.pid);

    // Ctrl-C after Postgres died (and came back) is still prompt: the dead server is not waited for
    process.kill(recordedPid('postgres'), 'SIGKILL');
    await stack.waitFor(/postgres is back after \d+ ms/, 15_000);
    const now = recordedParts();
    process.kill(-stack.pgid, 'SIGINT');
    expect(await stack.exitCode).toBe(130); // as after Ctrl-C
    expect(await leftAfter(stack.pgid, now)).toEqual({ running: [], busy: [] });
  }, 120_000);
});

describe('Ctrl-C while the stack starts', () => {
  let stack: StackProcess | null = null;
  afterEach(() => stopEverything(stack));

  it.each(['postgrest', 'edge-runtime', 'app'])(
    'while %s is starting: every process and port is gone within 5 s',
    async (stage) => {
      stack = startStackProcess({ withApp: true });
      await stack.waitFor(new RegExp(`starting ${stage}…`));
      // what the terminal does on Ctrl-C: SIGINT to the foreground process group
      process.kill(-stack.pgid, 'SIGINT');
      const parts = recordedParts();
      const left = await leftAfter(stack.pgid, parts);
      expect(left).toEqual({ running: [], busy: [] });
      expect(stack.output()).not.toMatch(/failed to start|Error/);
    },
    120_000,
  );
});
