/** What every handler gets: the settings with defaults applied, the pool, and the request. */
import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';

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
  minimumPasswordLength: number;
  /** How long an invite or magic link stays valid. */
  emailLinkExpirySeconds: number;
  sendEmail(message: EmailMessage): Promise<void>;
  log(line: string): void;
}

export interface AuthContext {
  settings: AuthSettings;
  pool: pg.Pool;
}

export interface AuthRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Path parameters (e.g. the user id of /admin/users/:id). */
  params: string[];
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
