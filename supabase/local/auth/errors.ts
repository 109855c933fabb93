/**
 * GoTrue's error responses. supabase-js reads `error_code` (legacy shape) or, when the response
 * carries `X-Supabase-Api-Version: 2024-01-01`, `code` (new shape), so both shapes are produced
 * exactly as GoTrue does (internal/api/errors.go, HandleResponseError).
 */

export interface AuthHttpErrorExtras {
  /** Only for `weak_password`: GoTrue adds `weak_password: { reasons }` to the body. */
  weakPasswordReasons?: string[];
  /** Response headers, e.g. `Allow` on a 405. */
  headers?: Record<string, string>;
}

export class AuthHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extras: AuthHttpErrorExtras = {},
  ) {
    super(message);
    this.name = 'AuthHttpError';
  }
}

export const badRequest = (code: string, msg: string) => new AuthHttpError(400, code, msg);
export const unauthorized = (code: string, msg: string) => new AuthHttpError(401, code, msg);
export const forbidden = (code: string, msg: string) => new AuthHttpError(403, code, msg);
export const unprocessable = (code: string, msg: string) => new AuthHttpError(422, code, msg);
export const internalError = (msg: string) => new AuthHttpError(500, 'unexpected_failure', msg);

/**
 * Whether a failure means the database could not be reached (down, restarting, shutting down),
 * rather than a fault in a query: connection refused or reset, pg's connection timeout or lost
 * connection, and SQLSTATE classes 08 (connection exception) and 57P (operator intervention).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTCONN)$/.test(code) || /^(08|57P)/.test(code))
  )
    return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/** 503 while the database is down: the caller may try again shortly; nothing was changed. */
export const serviceUnavailable = () =>
  new AuthHttpError(
    503,
    'service_unavailable',
    'The sign-in service is unavailable right now; nothing was saved. Try again in a few seconds.',
    {
      headers: { 'Retry-After': '5' },
    },
  );

export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');

export const apiVersionHeader = 'X-Supabase-Api-Version';
const apiVersion20240101 = '2024-01-01';

/**
 * GoTrue knows two API versions: the initial one and 2024-01-01. A valid date on or after
 * 2024-01-01 selects the new error shape (and is echoed back); anything else gets the legacy shape.
 */
export function negotiateApiVersion(header: string | string[] | undefined): typeof apiVersion20240101 | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.test(value)) return null;
  return value >= apiVersion20240101 ? apiVersion20240101 : null;
}

export function errorBody(error: AuthHttpError, apiVersion: string | null): Record<string, unknown> {
  const body: Record<string, unknown> =
    apiVersion === null
      ? { code: error.status, error_code: error.errorCode, msg: error.message }
      : { code: error.errorCode, message: error.message };
  if (error.extras.weakPasswordReasons) body.weak_password = { reasons: error.extras.weakPasswordReasons };
  return body;
}
