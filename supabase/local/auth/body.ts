/** Request bodies: a size limit, JSON parsing and typed validation with GoTrue's error codes. */
import { z } from 'zod';
import { AuthHttpError, badRequest } from './errors.ts';

export const maxBodyBytes = 64 * 1024;

/** GoTrue's answer to a body past `maxBodyBytes` (Hono's bodyLimit counts it). */
export const bodyTooLarge = () =>
  new AuthHttpError(
    413,
    'validation_failed',
    `Request body is larger than the limit of ${maxBodyBytes} bytes`,
  );

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
}

/**
 * GoTrue decodes bodies into typed structs: unknown keys are ignored, a value of the wrong type is
 * `bad_json`. Optional fields accept null, as Go's decoder does.
 */
export function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(
    'bad_json',
    `Could not parse request body as JSON: ${where}${issue?.message ?? 'invalid body'}`,
  );
}

/** Optional string field (absent, null or a string). */
export const optionalString = z.string().nullish();
/** Optional JSON object field, e.g. user_metadata. */
export const optionalObject = z.record(z.string(), z.unknown()).nullish();

/** GoTrue's validateEmail: required, at most 255 characters, a plausible address; stored lower-cased. */
export function validateEmail(raw: string | null | undefined): string {
  const email = raw ?? '';
  if (email === '') throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return email.toLowerCase();
}
