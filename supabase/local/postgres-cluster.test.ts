import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPostgresCanReach, firstFolderClosedTo, reasonFromLog } from './postgres-cluster.ts';

/** Another OS user (nobody), as `postgres` is to root. */
const otherUser = { uid: 65534, gid: 65534, groups: [65534] };

describe('firstFolderClosedTo / assertPostgresCanReach (root in a folder others cannot enter)', () => {
  it('names the first folder the server’s user cannot enter, with one line saying what to do', () => {
    const privateFolder = mkdtempSync(path.join(os.tmpdir(), 'crp-private-'));
    try {
      chmodSync(privateFolder, 0o700);
      const dataDir = path.join(privateFolder, 'checkout', '.local', 'dev', 'db');
      mkdirSync(path.dirname(dataDir), { recursive: true });
      expect(firstFolderClosedTo(dataDir, otherUser)).toBe(privateFolder);
      const refusal = (() => {
        try {
          assertPostgresCanReach(otherUser, dataDir);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(refusal).toContain(`cannot enter ${privateFolder} (mode 700)`);
      expect(refusal).toContain('run it as a non-root user');
      expect(refusal).not.toContain('\n');
      chmodSync(privateFolder, 0o711);
      expect(firstFolderClosedTo(dataDir, otherUser)).toBeNull();
      // its owner may enter it, and so may root
      chmodSync(privateFolder, 0o700);
      const owner = statSync(privateFolder);
      expect(firstFolderClosedTo(dataDir, { uid: owner.uid, gid: owner.gid, groups: [] })).toBeNull();
    } finally {
      rmSync(privateFolder, { recursive: true, force: true });
    }
  });

  it('checks nothing when Postgres runs as ourselves (not root)', () => {
    expect(() => assertPostgresCanReach(null, '/nonexistent/db')).not.toThrow();
  });
});

describe('reasonFromLog', () => {
  it('picks the FATAL line and its hint out of a failed start’s log', () => {
    const log = [
      '2026-12-07 06:00:00.000 UTC [1] LOG:  starting PostgreSQL 17.6',
      '2026-12-07 06:00:00.001 UTC [1] FATAL:  lock file "postmaster.pid" already exists\n2026-12-07 06:00:00.001 UTC [1] HINT:  Is another postmaster (PID 42) running in data directory "/x/db"?',
    ];
    expect(reasonFromLog(log)).toBe(
      '2026-12-07 06:00:00.001 UTC [1] FATAL:  lock file "postmaster.pid" already exists 2026-12-07 06:00:00.001 UTC [1] HINT:  Is another postmaster (PID 42) running in data directory "/x/db"?',
    );
    expect(reasonFromLog([])).toBe('it exited without a log line');
  });
});
