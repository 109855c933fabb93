import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stackSettings, type StackSettings } from './config.ts';
import {
  acquireDataLock,
  DataLockedError,
  lockFileName,
  processIdentity,
  type LockHolder,
} from './data-lock.ts';

const folders: string[] = [];
function settingsInTempFolder(): StackSettings {
  const stackDir = mkdtempSync(path.join(os.tmpdir(), 'crp-lock-test-'));
  folders.push(stackDir);
  return { ...stackSettings('dev', {}), stackDir, dataDir: path.join(stackDir, 'db') };
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function writeLock(settings: StackSettings, holder: Partial<LockHolder>) {
  const full: LockHolder = {
    pid: 1,
    processId: null,
    command: 'npm start',
    ports: settings.ports,
    since: '2026-12-07T06:30:00.000Z',
    token: 'other',
    ...holder,
  };
  writeFileSync(path.join(settings.stackDir, lockFileName), JSON.stringify(full));
}

/** A process that ran and is gone: its pid is dead. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the stack folder lock', () => {
  it('is taken by one stack at a time: a second one is refused with one line naming the first', () => {
    const settings = settingsInTempFolder();
    const first = acquireDataLock(settings, 'npm start');
    const second = (() => {
      try {
        acquireDataLock({ ...settings, ports: { ...settings.ports, gateway: 60000 } }, 'npm run db:reset');
      } catch (error) {
        return error;
      }
    })();
    expect(second).toBeInstanceOf(DataLockedError);
    const message = (second as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(`(npm start, pid ${process.pid}, API port 54321, database port 54322`);
    expect(message).toContain(`kill ${process.pid}`);
    first.release();
    expect(existsSync(first.file)).toBe(false);
    acquireDataLock(settings, 'npm start').release();
  });

  it('takes over the lock of a process that is gone', async () => {
    const settings = settingsInTempFolder();
    writeLock(settings, { pid: await deadPid() });
    const lock = acquireDataLock(settings, 'npm start');
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reused after a crash)', () => {
    const settings = settingsInTempFolder();
    // a live pid (ours), but the identity of a process that started at another time
    writeLock(settings, { pid: process.pid, processId: 'another-boot:12345' });
    expect(processIdentity(process.pid)).not.toBe('another-boot:12345');
    acquireDataLock(settings, 'npm start').release();
  });

  it('refuses while a live process of another program holds it, and takes over a torn lock file', () => {
    const settings = settingsInTempFolder();
    writeLock(settings, { pid: process.ppid, processId: processIdentity(process.ppid) });
    expect(() => acquireDataLock(settings, 'npm start')).toThrow(DataLockedError);
    writeFileSync(path.join(settings.stackDir, lockFileName), '{"pid": 12');
    acquireDataLock(settings, 'npm start').release();
  });

  it('release leaves a lock that another stack took meanwhile alone', () => {
    const settings = settingsInTempFolder();
    const lock = acquireDataLock(settings, 'npm start');
    writeLock(settings, { pid: process.pid, token: 'someone-else' });
    lock.release();
    expect(existsSync(lock.file)).toBe(true);
  });
});
