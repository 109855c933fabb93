/**
 * The payer's FHIR slot feed (SMART Scheduling Links bulk publish):
 *   GET /payer-api/$bulk-publish            the manifest: one NDJSON file per resource type
 *   GET /payer-api/fhir/{Type}.ndjson       the file, streamed page by page from the database
 * `_type` (comma-separated resource types) and `_since` (an instant) narrow both.
 */
import { z } from 'zod';
import type { bulkPublishManifestSchema } from '../_shared/contract/payer-api.ts';
import { apiError, json } from '../_shared/http.ts';
import { isStorableInstant } from '../_shared/referral-request.ts';

export const feedResourceTypes = ['Location', 'PractitionerRole', 'Schedule', 'Slot'] as const;
export type FeedResourceType = (typeof feedResourceTypes)[number];

/**
 * One page of a feed file: its NDJSON text (each line ending in a newline) as the database sends
 * it, never read here, and the key to ask the next page after, null on the file's last page.
 */
export interface FeedFilePage {
  body: ReadableStream<Uint8Array>;
  nextAfter: string | null;
}

export type FetchFeedPage = (
  payerId: string,
  type: FeedResourceType,
  since: string | null,
  afterId: string | null,
) => Promise<FeedFilePage>;

/** How long a payer may cache the manifest and the files: slots change, but not by the second. */
export const feedMaxAgeSeconds = 300;

const isFeedType = (t: string): t is FeedResourceType => (feedResourceTypes as readonly string[]).includes(t);

const sinceSchema = z.iso
  .datetime({ offset: true, local: false })
  .refine(isStorableInstant, 'is out of range');

/** `_type` and `_since`, or a 400 naming the problem; nothing else is accepted. */
export function parseFeedQuery(
  params: URLSearchParams,
): { types: FeedResourceType[]; since: string | null } | { error: Response } {
  for (const name of params.keys()) {
    if (name !== '_type' && name !== '_since')
      return { error: apiError(400, 'invalid_query', `Unknown query parameter: ${name}.`, name) };
  }
  let types: FeedResourceType[] = [...feedResourceTypes];
  const typeParam = params.get('_type');
  if (typeParam !== null) {
    const asked = typeParam.split(',').map((t) => t.trim());
    const unknown = asked.find((t) => !isFeedType(t));
    if (unknown !== undefined)
      return {
        error: apiError(
          400,
          'invalid_query',
          `Query parameter _type has an unknown resource type ${JSON.stringify(unknown)}; use ${feedResourceTypes.join(', ')}.`,
          '_type',
        ),
      };
    types = feedResourceTypes.filter((t) => asked.includes(t));
  }
  const sinceParam = params.get('_since');
  if (sinceParam !== null && !sinceSchema.safeParse(sinceParam).success)
    return {
      error: apiError(
        400,
        'invalid_query',
        'Query parameter _since must be an ISO 8601 instant with a time zone, e.g. 2027-05-04T13:00:00Z.',
        '_since',
      ),
    };
  return { types, since: sinceParam === null ? null : new Date(sinceParam).toISOString() };
}

const cacheHeaders = { 'cache-control': `private, max-age=${feedMaxAgeSeconds}` };

/** The bulk-publish manifest; `baseUrl` is the payer API's public address. */
export function manifestAnswer(requestUrl: string, baseUrl: string, query: URLSearchParams): Response {
  const parsed = parseFeedQuery(query);
  if ('error' in parsed) return parsed.error;
  const suffix = parsed.since ? `?_since=${encodeURIComponent(parsed.since)}` : '';
  const manifest: z.infer<typeof bulkPublishManifestSchema> = {
    transactionTime: new Date().toISOString(),
    request: `${baseUrl}/$bulk-publish${new URL(requestUrl).search}`,
    output: parsed.types.map((type) => ({ type, url: `${baseUrl}/fhir/${type}.ndjson${suffix}` })),
    error: [],
  };
  return json(200, manifest, cacheHeaders);
}

/**
 * One file of the feed, streamed: the pages' bodies are piped one after another into the answer,
 * never read whole, so memory holds the chunks in flight whatever the payer's size. The first
 * page is asked for before answering, so a failing database is an HTTP error rather than a
 * cut-off file.
 */
export async function feedFileAnswer(
  fileName: string,
  query: URLSearchParams,
  payerId: string,
  fetchPage: FetchFeedPage,
): Promise<Response> {
  const type = /^([A-Za-z]+)\.ndjson$/.exec(fileName)?.[1] ?? '';
  if (!isFeedType(type))
    return apiError(404, 'not_found', `No feed file ${fileName}; the manifest at $bulk-publish lists them.`);
  const parsed = parseFeedQuery(query);
  if ('error' in parsed) return parsed.error;
  if (query.has('_type'))
    return apiError(
      400,
      'invalid_query',
      'Query parameter _type belongs on $bulk-publish, not on a file.',
      '_type',
    );
  const first = await fetchPage(payerId, type, parsed.since, null);
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  void (async () => {
    let page = first;
    let next: Promise<FeedFilePage> | null = null;
    try {
      for (;;) {
        // the next page is asked for as soon as its key is known, so the database writes it
        // while this one streams (two pages at most in flight)
        next = page.nextAfter === null ? null : fetchPage(payerId, type, parsed.since, page.nextAfter);
        // pipeTo waits for the payer to read (backpressure) and cancels the page if they leave
        await page.body.pipeTo(writable, { preventClose: true });
        if (next === null) break;
        page = await next;
      }
      await writable.close();
    } catch (error) {
      // a page that fails midway cuts the file off with an error, never a silently short file
      await writable.abort(error).catch(() => {});
      // a page asked for ahead and no longer wanted is let go
      void next?.then((unread) => unread.body.cancel()).catch(() => {});
    }
  })();
  return new Response(readable, {
    status: 200,
    headers: { 'content-type': 'application/fhir+ndjson', ...cacheHeaders },
  });
}
