/** What every handler gets: the settings with defaults applied, the pool, and the request. */
import type pg from 'pg';
import type { PasswordPolicy } from './password-policy.ts';
import type { SlidingWindow } from './rate-limit.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface AuthSettings {
  jwtSecret: string;
  siteUrl: string;
  externalUrl: string;
  jwtExpirySeconds: number;
  /** A revoked refresh token may still be swapped this long after it was rotated (a client retrying). */
  refreshTokenReuseIntervalSeconds: number;
  passwordPolicy: PasswordPolicy;
  /** How long an invitation or recovery link stays valid (config.toml `[auth.email] otp_expiry`). */
  emailLinkExpirySeconds: number;
  sendEmail(message: EmailMessage): Promise<void>;
  log(line: string): void;
}

/** The counters behind the 429s; see rate-limit.ts and README.md. */
export interface AuthLimits {
  signInsPerAddress: SlidingWindow;
  verificationsPerAddress: SlidingWindow;
  refreshesPerAddress: SlidingWindow;
  /** Failed password attempts per account (email): past the limit the account is locked for the window. */
  failedSignInsPerAccount: SlidingWindow;
  /** Addresses the per-address limits leave alone (the test stack's own clients). */
  exemptAddresses: ReadonlySet<string>;
}

export interface AuthContext {
  settings: AuthSettings;
  pool: pg.Pool;
  limits: AuthLimits;
}

export interface AuthRequest {
  query: URLSearchParams;
  /** A request header by (case-insensitive) name. */
  header(name: string): string | undefined;
  /** The caller's address: the gateway's X-Forwarded-For, else the socket's peer. */
  clientAddress: string;
  /** The JSON body; GoTrue's `bad_json` when it is not JSON. */
  json(): Promise<unknown>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: AuthContext, req: AuthRequest) => Promise<Reply>;

export const json = (body: unknown, status = 200): Reply => ({ status, body });
