/**
 * The app's build-time settings, read from `import.meta.env` and checked once at start-up.
 * A bad value stops the app with a message that names the variable and says how to fix it.
 */
import { z } from 'zod';

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

const requiredText = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is not set' : 'must be text') })
    .trim()
    .min(1, 'is empty');

const envSchema = z.object({
  VITE_SUPABASE_URL: requiredText().pipe(z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' })),
  VITE_SUPABASE_ANON_KEY: requiredText().superRefine((key, ctx) => {
    // Supabase's newer key format: publishable keys are safe in a browser, secret keys never are.
    if (key.startsWith('sb_publishable_')) return;
    if (key.startsWith('sb_secret_')) {
      ctx.addIssue({
        code: 'custom',
        message: 'is a secret key, which must never reach the browser; use the anon (public) key',
      });
      return;
    }
    if (!jwtShape.test(key)) {
      ctx.addIssue({
        code: 'custom',
        message: 'does not look like a Supabase anon key (a JWT: three dot-separated parts)',
      });
      return;
    }
    const role = jwtRole(key);
    if (role !== 'anon') {
      ctx.addIssue({
        code: 'custom',
        message: `is a key for the role "${String(role)}", not "anon"; use the anon (public) key, never a secret key`,
      });
    }
  }),
});

/** Checks `source` (normally `import.meta.env`); throws an EnvError naming every bad variable. */
export function parseEnv(source: Readonly<Record<string, unknown>>): AppEnv {
  const result = envSchema.safeParse({
    VITE_SUPABASE_URL: source.VITE_SUPABASE_URL,
    VITE_SUPABASE_ANON_KEY: source.VITE_SUPABASE_ANON_KEY,
  });
  if (!result.success) {
    const problems = new Map<EnvVariable, string>();
    for (const issue of result.error.issues) {
      const variable = issue.path[0] as EnvVariable;
      if (!problems.has(variable)) problems.set(variable, issue.message);
    }
    throw new EnvError([...problems].map(([variable, problem]) => ({ variable, problem })));
  }
  return { supabaseUrl: result.data.VITE_SUPABASE_URL, supabaseAnonKey: result.data.VITE_SUPABASE_ANON_KEY };
}

/** The app's settings from Vite's `import.meta.env`; throws an EnvError when they are missing or wrong. */
export function loadEnv(): AppEnv {
  return parseEnv(import.meta.env);
}
