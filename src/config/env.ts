/**
 * The app's build-time settings, read from `import.meta.env` and checked once at start-up.
 * A bad value stops the app with a message that names the variable and says how to fix it.
 */
export type EnvVariable = 'VITE_SUPABASE_URL' | 'VITE_SUPABASE_ANON_KEY';

export interface AppEnv {
  supabaseUrl: string;
  supabaseAnonKey: string;
}

const example: Record<EnvVariable, string> = {
  VITE_SUPABASE_URL: 'VITE_SUPABASE_URL=https://<project-ref>.supabase.co',
  VITE_SUPABASE_ANON_KEY: "VITE_SUPABASE_ANON_KEY=<the project's anon public key>",
};

export const envFixHint =
  '`npm start` sets both variables for the local stack. For a hosted Supabase project, put them in ' +
  '`.env.local` (values from the dashboard: Project Settings › API) and restart Vite.';

export interface EnvProblem {
  variable: EnvVariable;
  problem: string;
}

export class EnvError extends Error {
  readonly problems: readonly EnvProblem[];

  constructor(problems: readonly EnvProblem[]) {
    const lines = problems.map(
      ({ variable, problem }) => `${variable} ${problem} (e.g. ${example[variable]}).`,
    );
    super(`The app is not configured: ${lines.join(' ')} ${envFixHint}`);
    this.name = 'EnvError';
    this.problems = problems;
  }

  get variables(): EnvVariable[] {
    return this.problems.map((p) => p.variable);
  }
}

const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The `role` claim of a JWT's payload, or undefined when it cannot be read. */
function jwtRole(token: string): unknown {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims: unknown = JSON.parse(atob(base64));
    return typeof claims === 'object' && claims !== null && 'role' in claims ? claims.role : undefined;
  } catch {
    return undefined;
  }
}

/** A set, non-blank text value (trimmed), or what is wrong with it. */
function requiredText(value: unknown): { text: string } | { problem: string } {
  if (value === undefined) return { problem: 'is not set' };
  if (typeof value !== 'string') return { problem: 'must be text' };
  const text = value.trim();
  return text ? { text } : { problem: 'is empty' };
}

function urlProblem(url: string): string | null {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? null : 'is not an http(s) URL';
  } catch {
    return 'is not an http(s) URL';
  }
}

function anonKeyProblem(key: string): string | null {
  // Supabase's newer key format: publishable keys are safe in a browser, secret keys never are.
  if (key.startsWith('sb_publishable_')) return null;
  if (key.startsWith('sb_secret_'))
    return 'is a secret key, which must never reach the browser; use the anon (public) key';
  if (!jwtShape.test(key)) return 'does not look like a Supabase anon key (a JWT: three dot-separated parts)';
  const role = jwtRole(key);
  return role === 'anon'
    ? null
    : `is a key for the role "${String(role)}", not "anon"; use the anon (public) key, never a secret key`;
}

/** Checks `source` (normally `import.meta.env`); throws an EnvError naming every bad variable. */
export function parseEnv(source: Readonly<Record<string, unknown>>): AppEnv {
  // checked by hand, not with zod: the public request page's entry reads the settings too, and
  // zod would weigh more than the page itself
  const url = requiredText(source.VITE_SUPABASE_URL);
  const key = requiredText(source.VITE_SUPABASE_ANON_KEY);
  const problems: EnvProblem[] = [];
  const urlIssue = 'problem' in url ? url.problem : urlProblem(url.text);
  if (urlIssue) problems.push({ variable: 'VITE_SUPABASE_URL', problem: urlIssue });
  const keyIssue = 'problem' in key ? key.problem : anonKeyProblem(key.text);
  if (keyIssue) problems.push({ variable: 'VITE_SUPABASE_ANON_KEY', problem: keyIssue });
  if (problems.length > 0 || !('text' in url) || !('text' in key)) throw new EnvError(problems);
  return { supabaseUrl: url.text, supabaseAnonKey: key.text };
}

/** The app's settings from Vite's `import.meta.env`; throws an EnvError when they are missing or wrong. */
export function loadEnv(): AppEnv {
  return parseEnv(import.meta.env);
}
