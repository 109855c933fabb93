/** A refusal of the client-portal API, in its error shape `{ error: { code, message, field? } }`. */
export class PortalApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** From Retry-After on a 429. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null = null,
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'PortalApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isPortalApiError = (error: unknown): error is PortalApiError => error instanceof PortalApiError;

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null when there is none. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Math.max(1, Number(header.trim()));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now) / 1000));
}
