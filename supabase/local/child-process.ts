/**
 * Child processes of the stack: each in a process group of its own (so stopping it stops what it
 * started too), reported to `onSpawn` as soon as it exists so a stop during start-up, the
 * watchdog and the pid file all know it before it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PartFailedError, type PartLog } from './part-log.ts';

export interface ManagedProcess {
  child: ChildProcess;
  /** Resolves with how the process ended, e.g. `signal SIGKILL` or `code 1`. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface ProcessOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: PartLog;
  onSpawn?(proc: ManagedProcess): void;
}

/** How long a part may take to exit after SIGTERM before it is killed. */
const stopGraceMs = 3000;

export function startProcess(command: string, args: string[], options: ProcessOptions): ManagedProcess {
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', options.log.write);
  child.stderr?.setEncoding('utf8').on('data', options.log.write);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(error.message));
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const proc: ManagedProcess = {
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      signalGroup('SIGTERM');
      const killTimer = setTimeout(() => signalGroup('SIGKILL'), stopGraceMs);
      await exited;
      clearTimeout(killTimer);
      // what the part itself started may outlive it by a moment
      signalGroup('SIGKILL');
    },
  };
  // whatever the part started itself (Vite's esbuild, say) goes with it, however it ended
  void exited.then(() => signalGroup('SIGKILL'));
  if (child.pid) options.onSpawn?.(proc);
  return proc;
}

/**
 * Polls `url` until it answers (any HTTP status below 500), or fails with the part's last log
 * lines when the process exits or the time runs out.
 */
export async function waitForHttp(
  url: string,
  proc: ManagedProcess,
  log: PartLog,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitReason: string | undefined;
  void proc.exited.then((reason) => (exitReason = `exited with ${reason}`));
  while (Date.now() < deadline) {
    if (exitReason) throw new PartFailedError(log.part, exitReason, log.tail());
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new PartFailedError(log.part, `no answer at ${url} after ${timeoutMs / 1000}s`, log.tail());
}

/** Starts a server process and waits until it answers HTTP; stops it again if it never does. */
export async function startHttpProcess(
  command: string,
  args: string[],
  options: ProcessOptions,
  readyUrl: string,
  timeoutMs = 30_000,
): Promise<ManagedProcess> {
  const proc = startProcess(command, args, options);
  try {
    await waitForHttp(readyUrl, proc, options.log, timeoutMs);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return proc;
}
