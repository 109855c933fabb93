import { describe, expect, it } from 'vitest';
import { PartLog } from './part-log.ts';
import type { PidFile } from './pid-file.ts';
import { Supervisor, type PartRun } from './supervisor.ts';
import type { Watchdog } from './watchdog.ts';

const watchdog = { pid: undefined, watch() {}, forget() {}, close() {} } as unknown as Watchdog;
const pidFile = { record() {}, forget() {}, remove() {} } as unknown as PidFile;

/** A fake part: each start makes a run the test can end with `die()`. */
function fakePart(startFails: (n: number) => boolean = () => false) {
  const runs: { die(reason: string): void; stopped: boolean }[] = [];
  const start = async (): Promise<PartRun> => {
    if (startFails(runs.length)) throw new Error('could not bind its port');
    let die: (reason: string) => void = () => undefined;
    const exited = new Promise<string>((resolve) => (die = resolve));
    const run = { die, stopped: false };
    runs.push(run);
    return { exited, stop: async () => void ((run.stopped = true), die('stopped')) };
  };
  const log = new PartLog('postgrest', undefined);
  log.write('Listening on port 3000\n');
  return { runs, part: { name: 'postgrest', log, logFile: '.local/dev/logs/postgrest.log', start } };
}

function supervisor(maxPerMinute = 3) {
  const reports: string[] = [];
  const fatal: string[] = [];
  const s = new Supervisor({
    watchdog,
    pidFile,
    report: (t) => reports.push(t),
    fatal: (l) => fatal.push(l),
    policy: { maxPerMinute, firstDelayMs: 1, maxDelayMs: 4 },
  });
  return { s, reports, fatal };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('supervisor', () => {
  it('restarts a part that exits, printing its last lines, and stops the running incarnation', async () => {
    const { s, reports, fatal } = supervisor();
    const { runs, part } = fakePart();
    const handle = await s.supervise(part);
    runs[0]?.die('signal SIGKILL');
    await until(() => reports.length === 2);
    expect(reports[0]).toBe(
      'postgrest exited unexpectedly (signal SIGKILL). Its last lines (.local/dev/logs/postgrest.log):\n    Listening on port 3000',
    );
    expect(reports[1]).toMatch(/^postgrest is back after \d+ ms \(restart 1 this minute\)\.$/);
    await handle.stop();
    expect(runs.map((r) => r.stopped)).toEqual([false, true]);
    expect(fatal).toEqual([]);
  });

  it('stops the stack with one line when the part keeps dying', async () => {
    const { s, fatal } = supervisor(2);
    const { runs, part } = fakePart();
    await s.supervise(part);
    for (let i = 0; i < 3; i++) {
      await until(() => runs.length === i + 1);
      runs[i]?.die('code 1');
    }
    await until(() => fatal.length === 1);
    expect(fatal).toEqual([
      'postgrest exited 2 times within a minute, so the stack is stopping; see .local/dev/logs/postgrest.log',
    ]);
  });

  it('stops the stack with one line when the part cannot be started again', async () => {
    const { s, fatal } = supervisor();
    const { runs, part } = fakePart((n) => n > 0);
    await s.supervise(part);
    runs[0]?.die('signal SIGKILL');
    await until(() => fatal.length === 1);
    expect(fatal).toEqual([
      'postgrest exited (signal SIGKILL) and could not be restarted (could not bind its port), so the stack is stopping; see .local/dev/logs/postgrest.log',
    ]);
  });

  it('does not restart anything once the stack is stopping', async () => {
    const { s, reports } = supervisor();
    const { runs, part } = fakePart();
    await s.supervise(part);
    await s.stopProcesses(() => true);
    runs[0]?.die('signal SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
    expect(reports).toEqual([]);
    expect(runs).toHaveLength(1);
  });
});
