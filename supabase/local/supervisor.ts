/**
 * Watches the stack's parts that run as processes of their own (Postgres, PostgREST, the edge
 * runtime, the app server). Every process is known from the moment it exists (watchdog + pid
 * file, and stopped by `stopAll` even while still starting). A part that exits when nobody asked
 * it to is started again after a backoff, with its last log lines printed; one that keeps dying
 * or cannot come back in time stops the whole stack with one line naming it and its log file.
 */
import { RestartPolicy, type RestartPolicyOptions } from './restart-policy.ts';
import type { PartLog } from './part-log.ts';
import type { PidFile } from './pid-file.ts';
import type { WatchedProcess, Watchdog } from './watchdog.ts';

/** One running incarnation of a part. */
export interface PartRun {
  /** Resolves with how it ended (`signal SIGKILL`), whether asked to or not. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface SupervisedPart {
  name: string;
  log: PartLog;
  /** The part's log file, as the operator should look for it. */
  logFile: string;
  /** Starts one incarnation; `timeoutMs` bounds how long it may take to become ready. */
  start(timeoutMs: number): Promise<PartRun>;
}

export interface SupervisorOptions {
  watchdog: Watchdog;
  pidFile: PidFile;
  /** A restart, with the part's last lines: several lines for the operator. */
  report(text: string): void;
  /** The part cannot come back: one line; the stack stops. */
  fatal(line: string): void;
  policy?: RestartPolicyOptions;
  /** From noticing the exit to the part answering again, at most (default 4.5 s). */
  restartTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const indent = (text: string) =>
  (text || '(no output)')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

export class Supervisor {
  private stopping = false;
  /** Every process of every part, while it exists. */
  private readonly live = new Map<WatchedProcess, { part: string; stop: () => Promise<void> }>();

  constructor(private readonly o: SupervisorOptions) {
    // listed too, so a later start can stop a watchdog whose orchestrator vanished with it
    if (o.watchdog.pid)
      o.pidFile.record('watchdog', { pid: o.watchdog.pid, group: false, signal: 'SIGKILL' });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Makes a process known (watchdog, pid file, stop on Ctrl-C) until `exited` resolves. */
  track(part: string, p: WatchedProcess, exited: Promise<unknown>, stop: () => Promise<void>): void {
    this.o.watchdog.watch(p);
    this.o.pidFile.record(part, p);
    this.live.set(p, { part, stop });
    void exited.then(() => {
      this.live.delete(p);
      this.o.watchdog.forget(p);
      this.o.pidFile.forget(p);
    });
  }

  /**
   * Starts a part and watches it; the result stops whichever incarnation runs at the time.
   * Throws (like the start) when the first start fails.
   */
  async supervise(part: SupervisedPart, firstTimeoutMs = 30_000): Promise<{ stop(): Promise<void> }> {
    let current = await part.start(firstTimeoutMs);
    const policy = new RestartPolicy(this.o.policy);
    const watch = (run: PartRun) =>
      void run.exited.then(async (reason) => {
        if (this.stopping || run !== current) return;
        const noticed = Date.now();
        this.o.report(
          `${part.name} exited unexpectedly (${reason}). Its last lines (${part.logFile}):\n${indent(part.log.tail(10))}`,
        );
        const next = policy.next(noticed);
        if (!next) {
          this.o.fatal(
            `${part.name} exited ${this.o.policy?.maxPerMinute ?? 5} times within a minute, so the stack is stopping; see ${part.logFile}`,
          );
          return;
        }
        await sleep(next.delayMs);
        if (this.stopping) return;
        try {
          const restarted = await part.start(
            Math.max(1000, (this.o.restartTimeoutMs ?? 4500) - (Date.now() - noticed)),
          );
          if (this.stopping) return void (await restarted.stop());
          current = restarted;
          this.o.report(
            `${part.name} is back after ${Date.now() - noticed} ms (restart ${next.attempt} this minute).`,
          );
          watch(restarted);
        } catch (error) {
          if (this.stopping) return;
          const why = (error as Error).message.split('\n')[0];
          this.o.fatal(
            `${part.name} exited (${reason}) and could not be restarted (${why}), so the stack is stopping; see ${part.logFile}`,
          );
        }
      });
    watch(current);
    return { stop: () => current.stop() };
  }

  /** No more restarts; stops every process not stopped yet that belongs to a part other than `except`. */
  async stopProcesses(filter: (part: string) => boolean): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.live.values()].filter((p) => filter(p.part)).map((p) => p.stop()));
  }

  /** Everything stopped in order: the watchdog and the pid file are not needed any more. */
  finish(): void {
    this.stopping = true;
    this.o.watchdog.close();
    this.o.pidFile.remove();
  }
}
