/**
 * What the Vite dev server refuses to serve (`server.fs.deny`). It also serves files of the project
 * folder by path; refuse what must never leave the machine: the local stack's data (database
 * files, logs, the dev inbox with working links), env files, keys, git, and supabase/ — except the
 * shared function code the app imports (supabase/functions/_shared). Vite's defaults are repeated:
 * setting `deny` replaces them.
 */
import { normalizePath } from 'vite';

/**
 * The folder as a picomatch glob (what fs.deny takes): forward slashes, glob characters escaped,
 * so a folder named e.g. "work (copy)" or "[old]" is still matched.
 */
export const folderGlob = (folder: string) => normalizePath(folder).replace(/[()[\]{}!*?+@|]/g, '\\$&');

export function devServerFsDeny(projectRoot: string): string[] {
  const root = folderGlob(projectRoot);
  return [
    '.env',
    '.env.*',
    '*.{crt,pem}',
    '**/.git/**',
    `${root}/.local/**`,
    `${root}/supabase/*`,
    `${root}/supabase/!(functions)/**`,
    `${root}/supabase/functions/*`,
    `${root}/supabase/functions/!(_shared)/**`,
  ];
}
