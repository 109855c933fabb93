/**
 * One running stack owns a stack folder (.local/<profile>: database, inbox, logs) at a time.
 * The owner writes `stack.lock` into the folder: its pid, what identifies that process beyond
 * the pid (boot id + the process's start time, so a pid reused after a crash or a reboot is not
 * mistaken for the owner), the command and the ports. `npm start`, the test stack and
 * `npm run db:reset` take it first; while a live process holds it they refuse with one line.
 * The lock of a process that is gone (kill -9, a crash, a reboot) is taken over.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, type PortSettings, type StackSettings } from './config.ts';

export interface LockHolder {
  pid: number;
  /** Boot id and start time (clock ticks since boot) of the holder; null where /proc is missing. */
  processId: string | null;
  command: string;
  ports: PortSettings;
  since: string;
  token: string;
}

export interface DataLock {
  readonly file: string;
  release(): void;
}

/** The stack folder is owned by another live process; the message is one line for the operator. */
export class DataLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    message: string,
  ) {
    super(message);
  }
}

export const lockFileName = 'stack.lock';

/** What tells this process from a later one with the same pid (Linux: boot id + start time). */
export function processIdentity(pid: number): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // the command name (field 2) may hold spaces and parentheses: fields are counted after its ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${bootId}:${startTime}` : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote a lock (or a pid file) is still running, and is still that process. */
export function isLive(pid: number, processId: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (processId === null) return true;
  const now = processIdentity(pid);
  return now === null || now === processId;
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/** One line naming the running stack and what to do. */
export function lockedMessage(holder: LockHolder, stackDir: string): string {
  const folder = path.relative(projectRoot, stackDir) || stackDir;
  const since = holder.since.slice(11, 16);
  return (
    `${folder} is in use by a running stack (${holder.command}, pid ${holder.pid}, API port ${holder.ports.gateway}, ` +
    `database port ${holder.ports.db}, since ${since} UTC): stop it first (Ctrl-C in its terminal, or kill ${holder.pid}).`
  );
}

/**
 * Takes the stack folder's lock for this process, or throws DataLockedError naming the holder.
 * A lock left by a dead process is replaced. (Two starts that find the same stale lock in the same
 * instant could both take it; the second's Postgres then refuses the data folder itself.)
 */
export function acquireDataLock(settings: StackSettings, command: string): DataLock {
  mkdirSync(settings.stackDir, { recursive: true });
  const file = path.join(settings.stackDir, lockFileName);
  const mine: LockHolder = {
    pid: process.pid,
    processId: processIdentity(process.pid),
    command,
    ports: settings.ports,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o644 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
    }
    const holder = readHolder(file);
    if (holder && isLive(holder.pid, holder.processId)) {
      throw new DataLockedError(holder, lockedMessage(holder, settings.stackDir));
    }
    // a stale lock (its process is gone) or a torn one: take it over
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const releaseOnExit = () => release();
  function release() {
    process.off('exit', releaseOnExit);
    if (readHolder(file)?.token !== mine.token) return;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  // a stack whose process ends without stopping it (an uncaught error) frees the folder too
  process.on('exit', releaseOnExit);
  return { file, release };
}

/**
 * The pid of a Postgres server that still runs on this data folder (its postmaster.pid names a
 * live postgres process), even when no stack holds the lock: an orphan of a crashed stack.
 */
export function livePostgresOf(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  if (!isLive(pid, null)) return null;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres' ? pid : null;
  } catch {
    // no /proc: a live pid in postmaster.pid is taken as the server
    return pid;
  }
}
