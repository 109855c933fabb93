/** Child processes of the stack: started in their own process group so Ctrl-C leaves no orphan. */
import { spawn, type ChildProcess } from 'node:child_process';
import { PartFailedError, type PartLog } from './part-log.ts';

export interface ManagedProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; log: PartLog },
): ManagedProcess {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.setEncoding('utf8').on('data', options.log.write);
  child.stderr?.setEncoding('utf8').on('data', options.log.write);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup('SIGTERM');
      const killTimer = setTimeout(() => signalGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}

/**
 * Polls `url` until it answers (any HTTP status below 500), or fails with the part's last log
 * lines when the process exits or the time runs out.
 */
export async function waitForHttp(url: string, proc: ManagedProcess, log: PartLog, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitReason: string | undefined;
  proc.child.once('exit', (code, signal) => {
    exitReason = `exited with ${signal ?? `code ${code}`}`;
  });
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
  options: { env: NodeJS.ProcessEnv; cwd: string; log: PartLog },
  readyUrl: string,
): Promise<ManagedProcess> {
  const proc = startProcess(command, args, options);
  try {
    await waitForHttp(readyUrl, proc, options.log);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return proc;
}
