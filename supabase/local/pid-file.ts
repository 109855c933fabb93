/**
 * The stack's pid file (`<stack folder>/stack.pids.json`): the orchestrator and every process it
 * started, each with its command line. A later start of the same checkout reads it to find the
 * leftovers of a stack that crashed (its orchestrator gone): a pid counts only while that process
 * is alive AND still runs the recorded command line, so a reused pid is never signalled.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WatchedProcess } from './watchdog.ts';

export interface RecordedProcess extends WatchedProcess {
  part: string;
  commandLine: string;
}

interface PidFileContents {
  orchestrator: { pid: number; commandLine: string };
  parts: RecordedProcess[];
}

/** The command line of a running process, or null when it is gone (or this system has no /proc). */
export function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ') || null;
  } catch {
    return null;
  }
}

const isRunning = (p: { pid: number; commandLine: string }) => commandLineOf(p.pid) === p.commandLine;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PidFile {
  private readonly file: string;
  private readonly parts = new Map<number, RecordedProcess>();

  constructor(stackDir: string) {
    this.file = path.join(stackDir, 'stack.pids.json');
  }

  private read(): PidFileContents | null {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as PidFileContents;
    } catch {
      return null;
    }
  }

  private write(): void {
    const contents: PidFileContents = {
      orchestrator: { pid: process.pid, commandLine: commandLineOf(process.pid) ?? '' },
      parts: [...this.parts.values()],
    };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(contents, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
  }

  /**
   * Stops what an earlier, crashed stack of this folder left running (gentle signal, SIGKILL
   * after 3 s) and says so in one line; null when there was nothing to stop. A stack whose
   * orchestrator still runs is left alone.
   */
  async stopLeftovers(): Promise<string | null> {
    const earlier = this.read();
    if (!earlier || earlier.orchestrator.pid === process.pid) return null;
    if (isRunning(earlier.orchestrator)) return null;
    const leftovers = earlier.parts.filter(isRunning);
    if (!leftovers.length) return null;
    const signal = (p: RecordedProcess, s: NodeJS.Signals) => {
      try {
        process.kill(p.group ? -p.pid : p.pid, s);
      } catch {
        // gone meanwhile
      }
    };
    // everything but Postgres first, so its clients are gone when it shuts down
    for (const p of leftovers) if (p.part !== 'postgres') signal(p, p.signal);
    for (const p of leftovers) if (p.part === 'postgres') signal(p, p.signal);
    const deadline = Date.now() + 3000;
    while (leftovers.some(isRunning) && Date.now() < deadline) await sleep(100);
    for (const p of leftovers.filter(isRunning)) signal(p, 'SIGKILL');
    while (leftovers.some(isRunning) && Date.now() < deadline + 2000) await sleep(100);
    rmSync(this.file, { force: true });
    const list = leftovers.map((p) => `${p.part} (pid ${p.pid})`).join(', ');
    return `Stopped what an earlier stack that did not shut down left running: ${list}.`;
  }

  record(part: string, p: WatchedProcess): void {
    const commandLine = commandLineOf(p.pid);
    if (commandLine === null) return;
    this.parts.set(p.pid, { ...p, part, commandLine });
    this.write();
  }

  forget(p: WatchedProcess): void {
    if (this.parts.delete(p.pid)) this.write();
  }

  /** Everything stopped in order: no pid file is left to be mistaken for leftovers. */
  remove(): void {
    this.parts.clear();
    rmSync(this.file, { force: true });
  }
}
