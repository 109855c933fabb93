import { isWellFormedText } from './unicode.ts';

/** JSON responses and the API's error shape: { "error": { "code", "message", "field"? } }. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

export const apiError = (
  status: number,
  code: string,
  message: string,
  field: string | null = null,
  headers: Record<string, string> = {},
) => json(status, { error: field ? { code, message, field } : { code, message } }, headers);

/** A database error raised with a `hint` naming the rule (see the migrations). */
export interface DbError {
  code?: string;
  hint?: string | null;
  /** for `out_of_range` refusals: the column the value was for */
  details?: string | null;
  message: string;
  /** The HTTP status of the data API's answer; 0 when it could not be reached at all. */
  status?: number;
}

/** Seconds a caller should wait before trying again while a part of the service is down. */
export const unavailableRetryAfterSeconds = 5;

/** 503: a part the request needs (database, data API) is down; the caller may simply try again. */
export const serviceUnavailable = () =>
  apiError(
    503,
    'service_unavailable',
    'The service is unavailable right now; nothing was saved. Try again in a few seconds.',
    null,
    {
      'retry-after': String(unavailableRetryAfterSeconds),
    },
  );

/**
 * Whether the database could not be reached, as opposed to refusing the request: the data API did
 * not answer (fetch failed: status 0), answered 502/503/504 (its gateway or PostgREST itself without
 * a database), or named a connection failure (PGRST000-PGRST003: connection, pool and timeout errors).
 */
export function isDatabaseUnreachable(error: DbError): boolean {
  if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504) return true;
  return /^PGRST00[0-3]$/.test(error.code ?? '');
}

/**
 * Maps the database's named refusals to HTTP; a database that cannot be reached is a 503 (try
 * again); anything else is the server's fault (500).
 * Named refusals keep their status whichever way the SQL raises them (a hint, or PostgREST's
 * `PT4xx` SQLSTATEs, which also answer the browser's PostgREST calls with that status).
 */
export function dbErrorResponse(error: DbError): Response {
  if (isDatabaseUnreachable(error)) {
    console.error('database unreachable', error.status, error.code, error.message);
    return serviceUnavailable();
  }
  switch (error.hint) {
    case 'unknown_therapist':
      return apiError(404, 'unknown_therapist', error.message, 'therapist_id');
    case 'slot_not_open':
      return apiError(409, 'slot_not_open', error.message, 'slot_start');
    case 'slot_in_past':
      return apiError(422, 'slot_in_past', error.message, 'slot_start');
    // the therapist does not see clients of the member's age (the message says which ages)
    case 'outside_ages_served':
      return apiError(422, 'outside_ages_served', error.message, 'date_of_birth');
    case 'idempotency_key_reused':
      return apiError(422, 'idempotency_key_reused', error.message);
    // a date outside its range (see 20261207007100_dates_in_range.sql): the column is in details
    case 'out_of_range':
      return apiError(
        422,
        'out_of_range',
        error.message,
        error.details && /^[a-z_]+$/.test(error.details) ? error.details : null,
      );
    default:
      if (error.code && /^PT4\d\d$/.test(error.code)) {
        return apiError(Number(error.code.slice(2)), error.hint ?? 'refused', error.message);
      }
      // a value the database refused (data exception or constraint) that validation let through
      // (PGRST102: PostgREST could not read the JSON the function sent, e.g. text that is not Unicode)
      if (error.code?.startsWith('22') || error.code?.startsWith('23') || error.code === 'PGRST102') {
        console.error('database refused a value', error);
        return apiError(422, 'invalid_value', 'A value in the request is not acceptable; nothing was saved.');
      }
      console.error('database error', error);
      return apiError(
        500,
        'internal_error',
        'Something went wrong on our side; nothing was saved. Try again.',
      );
  }
}

/**
 * The path (e.g. `note`, `items[2].name`) of the first string in a parsed JSON value, key or
 * value, that is not well-formed Unicode; null when all are. Walks iteratively: a deeply
 * nested body must not overflow the stack.
 */
export function malformedTextPath(value: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return path || '(body)';
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push({ value: item, path: `${path}[${i}]` }));
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        // JSON.stringify escapes a lone surrogate, so the field can still be named
        const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
        if (!isWellFormedText(key)) return path ? `${path}.${name}` : name;
        pending.push({ value: item, path: path ? `${path}.${name}` : name });
      }
    }
  }
  return null;
}

/**
 * Reads a JSON body of at most `limit` bytes; returns a ready 4xx Response when it can't: too
 * large (413), not JSON (415, 400), or text that is not well-formed Unicode (400, naming the field).
 */
export async function readJson(
  request: Request,
  limit = 16 * 1024,
): Promise<{ body: unknown } | { error: Response }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit)
    return { error: apiError(413, 'payload_too_large', `The body can have at most ${limit} bytes.`) };
  const text = await request.text();
  if (new TextEncoder().encode(text).length > limit)
    return { error: apiError(413, 'payload_too_large', `The body can have at most ${limit} bytes.`) };
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
    return { error: apiError(415, 'unsupported_media_type', 'Send the body as application/json.') };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: apiError(400, 'malformed_json', 'The body is not valid JSON.') };
  }
  const path = malformedTextPath(body);
  if (path) {
    // a deeply nested value has a long path; its start is enough to find it
    const field = path.length > 120 ? `${path.slice(0, 120)}…` : path;
    return {
      error: apiError(
        400,
        'malformed_unicode',
        `${field} contains a lone UTF-16 surrogate (half of a character); send well-formed Unicode text.`,
        field,
      ),
    };
  }
  return { body };
}

/** SHA-256 of a string, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with keys sorted, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
