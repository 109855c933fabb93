/**
 * The parent-death watchdog: one tiny Node process, in a process group of its own, that reads the
 * stack's children from a pipe and, when that pipe closes without a goodbye — the orchestrator
 * died, even by SIGKILL of its whole process group — signals them and exits. (Linux's
 * PR_SET_PDEATHSIG is not reachable from Node; a closing pipe works everywhere.)
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A process to stop: a process group (`group`) or a single process, with its gentle signal. */
export interface WatchedProcess {
  pid: number;
  group: boolean;
  signal: NodeJS.Signals;
}

// Lines on stdin: `+ <target> <signal>` watches, `- <target>` forgets (target < 0: a process group).
// On end of input: the gentle signal to each, SIGKILL to what is left after 3 s, then exit.
const watchdogSource = `
const targets = new Map();
let pending = '';
for (const s of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(s, () => {});
const alive = (t) => { try { process.kill(t, 0); return true; } catch { return false; } };
const send = (t, s) => { try { process.kill(t, s); } catch {} };
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  let end;
  while ((end = pending.indexOf('\\n')) >= 0) {
    const [op, target, signal] = pending.slice(0, end).split(' ');
    pending = pending.slice(end + 1);
    if (op === '+') targets.set(Number(target), signal);
    else targets.delete(Number(target));
  }
});
let finishing = false;
const finish = () => {
  if (finishing) return;
  finishing = true;
  for (const [t, s] of targets) send(t, s);
  const started = Date.now();
  const poll = setInterval(() => {
    const left = [...targets.keys()].filter(alive);
    if (left.length && Date.now() - started < 3000) return;
    for (const t of left) send(t, 'SIGKILL');
    clearInterval(poll);
    process.exit(0);
  }, 100);
};
process.stdin.on('end', finish);
process.stdin.on('error', finish);
`;

export class Watchdog {
  private readonly child: ChildProcess;

  constructor() {
    this.child = spawn(process.execPath, ['-e', watchdogSource], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    this.child.on('error', () => undefined);
    this.child.stdin?.on('error', () => undefined);
    // neither the watchdog nor its pipe may keep the orchestrator's event loop alive
    this.child.unref();
    (this.child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private static target(p: WatchedProcess): number {
    return p.group ? -p.pid : p.pid;
  }

  watch(p: WatchedProcess): void {
    this.child.stdin?.write(`+ ${Watchdog.target(p)} ${p.signal}\n`);
  }

  forget(p: WatchedProcess): void {
    this.child.stdin?.write(`- ${Watchdog.target(p)}\n`);
  }

  /** A goodbye: everything was stopped in order; the watchdog exits with nothing to do. */
  close(): void {
    this.child.stdin?.end();
  }
}
