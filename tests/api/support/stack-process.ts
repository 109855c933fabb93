/**
 * Runs the supervised test stack (supervised-stack.ts) as `npm start` runs: a process in a
 * process group of its own, whose output is kept and can be waited for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../supabase/local/config.ts';
import { commandLineOf, type RecordedProcess } from '../../../supabase/local/pid-file.ts';
import { busyPorts } from '../../../supabase/local/ports.ts';
import { supervisedStackSettings } from './supervised-stack.ts';

export const settings = supervisedStackSettings();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StackProcess {
  child: ChildProcess;
  /** The process group: the stack's process and everything it starts that stays in its group. */
  pgid: number;
  output(): string;
  /** Waits (bounded) until the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exitCode: Promise<number | null>;
}

export function startStackProcess({ withApp = false } = {}): StackProcess {
  const child = spawn(
    path.join(projectRoot, 'node_modules/.bin/tsx'),
    ['tests/api/support/supervised-stack.ts'],
    {
      cwd: projectRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CRP_SUPERVISED_WITH_APP: withApp ? '1' : '' },
    },
  );
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (text += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (text += c));
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    pgid: child.pid ?? 0,
    output: () => text,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`no ${pattern} in the stack's output:\n${text}`);
        await sleep(50);
      }
    },
    exitCode,
  };
}

/** The stack's processes as its pid file lists them right now. */
export function recordedParts(): RecordedProcess[] {
  try {
    return (
      JSON.parse(readFileSync(path.join(settings.stackDir, 'stack.pids.json'), 'utf8')) as {
        parts: RecordedProcess[];
      }
    ).parts;
  } catch {
    return [];
  }
}

export function recordedPid(part: string): number {
  const found = recordedParts().find((p) => p.part === part);
  if (!found) throw new Error(`no ${part} in the pid file`);
  return found.pid;
}

export const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Waits (at most `timeoutMs`) until the process group has ended and none of `parts` runs any
 * more; then reports what is still running and which ports are still taken.
 */
export async function leftAfter(
  pgid: number,
  parts: RecordedProcess[],
  timeoutMs = 5000,
): Promise<{ running: string[]; busy: string[] }> {
  const deadline = Date.now() + timeoutMs;
  const running = () => [
    ...(groupAlive(pgid) ? [`process group ${pgid}`] : []),
    ...parts.filter((p) => commandLineOf(p.pid) === p.commandLine).map((p) => `${p.part} (pid ${p.pid})`),
  ];
  while (running().length && Date.now() < deadline) await sleep(100);
  return { running: running(), busy: await busyPorts(settings.ports) };
}

/** Test clean-up: whatever a failed test left of the stack is killed. */
export function killEverything(stack: StackProcess | null): void {
  for (const p of recordedParts()) {
    try {
      if (commandLineOf(p.pid) === p.commandLine) process.kill(p.group ? -p.pid : p.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  if (stack && groupAlive(stack.pgid)) process.kill(-stack.pgid, 'SIGKILL');
}
