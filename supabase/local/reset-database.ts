/**
 * What `npm run db:reset` does: throws away a stack folder's database, inbox and logs and rebuilds
 * the database from the migrations and the seed. It takes the folder's lock first, so it never
 * deletes a database that a running stack (or an orphaned Postgres of a crashed one) still uses.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { StackSettings } from './config.ts';
import { acquireDataLock, livePostgresOf, lockFileName } from './data-lock.ts';
import { startDatabase } from './database.ts';
import { busyPortMessage, busyPorts } from './ports.ts';

export async function resetDatabase(settings: StackSettings, log: (line: string) => void): Promise<void> {
  const lock = acquireDataLock(settings, 'npm run db:reset');
  try {
    const orphan = livePostgresOf(settings.dataDir);
    if (orphan) {
      throw new Error(
        `A Postgres server (pid ${orphan}) left by an earlier stack still uses ${path.relative(process.cwd(), settings.dataDir)}: stop it (kill ${orphan}) and reset again.`,
      );
    }
    if ((await busyPorts(settings.ports)).includes('db')) {
      throw new Error(
        `${busyPortMessage(settings.ports, ['db'], settings.profile)}\nStop what uses it before resetting the database.`,
      );
    }
    // everything the stack keeps, except the lock this reset holds
    for (const entry of await readdir(settings.stackDir)) {
      if (entry !== lockFileName)
        await rm(path.join(settings.stackDir, entry), { recursive: true, force: true });
    }
    const db = await startDatabase(settings, log, { fresh: true });
    await db.stop();
  } finally {
    lock.release();
  }
}
