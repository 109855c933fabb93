/**
 * Settings of the local stack: ports, data folder and the local-only secrets.
 * Every port can be moved with an environment variable; the names are listed in README.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Public, local-only secret (the same value `supabase start` uses). Never used by a hosted project. */
export const localJwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const localAuthenticatorPassword = 'local-authenticator-password';

export interface PortSettings {
  gateway: number;
  db: number;
  inbox: number;
  app: number;
  rest: number;
  auth: number;
  functions: number;
}

/** Each port with the environment variable that moves it. */
export const portEnvNames: Record<keyof PortSettings, string> = {
  gateway: 'CRP_GATEWAY_PORT',
  db: 'CRP_DB_PORT',
  inbox: 'CRP_INBOX_PORT',
  app: 'CRP_APP_PORT',
  rest: 'CRP_REST_PORT',
  auth: 'CRP_AUTH_PORT',
  functions: 'CRP_FUNCTIONS_PORT',
};

const defaultPorts: PortSettings = {
  gateway: 54321,
  db: 54322,
  inbox: 54324,
  app: 5173,
  rest: 54330,
  auth: 54331,
  functions: 54332,
};

/**
 * The test stack sits 1000 ports above the dev stack, so tests can run while `npm start` does.
 * CRP_TEST_PORT_OFFSET moves it, to run two test suites side by side.
 */
const defaultTestPortOffset = 1000;

export interface StackSettings {
  profile: 'dev' | 'test';
  ports: PortSettings;
  /** Everything this profile keeps between starts (database, inbox); `npm run db:reset` removes it. */
  stackDir: string;
  dataDir: string;
  inboxFile: string;
  jwtSecret: string;
  /** Where links in emails point (the app). */
  siteUrl: string;
  /**
   * Client addresses the per-address call limits (the auth service's, the client portal's calls
   * per minute) leave alone. The test stack's own clients (API tests, browser journeys, the bench)
   * all come from 127.0.0.1 and call far more often than one person may; the limit tests send
   * from other loopback addresses.
   */
  rateLimitExemptAddresses: string[];
}

function portFromEnv(name: keyof PortSettings, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[portEnvNames[name]];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${portEnvNames[name]}=${raw} is not a port number (1-65535).`);
  }
  return port;
}

export function stackSettings(profile: 'dev' | 'test', env: NodeJS.ProcessEnv = process.env): StackSettings {
  const testOffset = Number(env.CRP_TEST_PORT_OFFSET || defaultTestPortOffset);
  if (!Number.isInteger(testOffset) || testOffset < 1 || testOffset > 10_000) {
    throw new Error(
      `CRP_TEST_PORT_OFFSET=${env.CRP_TEST_PORT_OFFSET} must be a whole number from 1 to 10000.`,
    );
  }
  const offset = profile === 'test' ? testOffset : 0;
  const folder = profile === 'test' && testOffset !== defaultTestPortOffset ? `test-${testOffset}` : profile;
  const ports = Object.fromEntries(
    (Object.keys(defaultPorts) as (keyof PortSettings)[]).map((name) => [
      name,
      profile === 'test' ? defaultPorts[name] + offset : portFromEnv(name, defaultPorts[name], env),
    ]),
  ) as unknown as PortSettings;
  return {
    profile,
    ports,
    stackDir: path.join(projectRoot, '.local', folder),
    dataDir: path.join(projectRoot, '.local', folder, 'db'),
    inboxFile: path.join(projectRoot, '.local', folder, 'inbox.jsonl'),
    jwtSecret: localJwtSecret,
    siteUrl: `http://localhost:${ports.app}`,
    rateLimitExemptAddresses: profile === 'test' ? ['127.0.0.1', '::1', '::ffff:127.0.0.1'] : [],
  };
}

export const dbUrl = (s: StackSettings, user = 'postgres', password = 'postgres') =>
  `postgresql://${user}:${password}@localhost:${s.ports.db}/postgres?sslmode=disable`;
export const apiUrl = (s: StackSettings) => `http://localhost:${s.ports.gateway}`;
/** The dev inbox accepts mail from the stack with this key (the hosted email API has its own). */
export const localInboxKey = 'local-inbox-key';
export const inboxUrl = (s: StackSettings) => `http://localhost:${s.ports.inbox}`;
