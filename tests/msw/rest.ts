/**
 * Helpers for answering the app's PostgREST requests in component tests. Each test serves the rows
 * its screen shows; nothing here filters by `select=` or decides who may read what (the real
 * database does, in tests/api).
 */
import { HttpResponse, type JsonBodyType } from 'msw';
import { testSupabaseUrl } from './env';

export const restUrl = (path: string) => `${testSupabaseUrl}/rest/v1/${path}`;

/** PostgREST's error body. */
export const postgrestError = (status: number, code: string, message: string, hint: string | null = null) =>
  HttpResponse.json({ code, details: null, hint, message }, { status });

/** The value of the request's `column=eq.…` filter: which clinic or row the request is about. */
export function eqValue(request: Request | URLSearchParams, column: string): string | null {
  const params = request instanceof URLSearchParams ? request : new URL(request.url).searchParams;
  const filter = params.get(column);
  return filter?.startsWith('eq.') ? filter.slice(3) : null;
}

/** Answers rows as PostgREST does: one object when the client asked for one (`.single()`), else the list. */
export function rows(request: Request, list: JsonBodyType[], status = 200): Response {
  if (request.headers.get('Accept')?.startsWith('application/vnd.pgrst.object+json')) {
    if (list.length !== 1)
      return postgrestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned');
    return HttpResponse.json(list[0], { status });
  }
  return HttpResponse.json(list, { status });
}

/** The JSON body of a request, read without consuming it for the handlers after this one. */
export const bodyOf = async <T = Record<string, unknown>>(request: Request): Promise<T> =>
  (await request.clone().json()) as T;
