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

/** One page of NDJSON lines, keyed by the last therapist (or location) it holds. */
export type FeedPage = { page_key: string; ndjson: string | null }[];

export type FetchFeedPage = (
  payerId: string,
  type: FeedResourceType,
  since: string | null,
  afterId: string | null,
  pageSize: number,
) => Promise<FeedPage>;

/** How long a payer may cache the manifest and the files: slots change, but not by the second. */
export const feedMaxAgeSeconds = 300;
const pageSize = 200;

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
 * One file of the feed, streamed: each page is fetched when the reader wants more, so memory
 * holds one page whatever the payer's size. The first page is read before answering, so a
 * failing database is an HTTP error rather than a cut-off file.
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
  const encoder = new TextEncoder();
  let after: string | null = null;
  let done = false;
  const nextLines = async () => {
    const page = await fetchPage(payerId, type, parsed.since, after, pageSize);
    if (page.length < pageSize) done = true;
    if (page.length > 0) after = page.at(-1)!.page_key;
    return page.filter((row) => row.ndjson).map((row) => row.ndjson + '\n');
  };
  let first: string[] | null = await nextLines();
  const body = new ReadableStream<Uint8Array>({
    // pages until one has lines (a therapist may have no slots in the window) or the feed ends
    async pull(controller) {
      let lines = first ?? [];
      first = null;
      while (lines.length === 0 && !done) lines = await nextLines();
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join('')));
      // what was enqueued is still read after close
      if (done) controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/fhir+ndjson', ...cacheHeaders },
  });
}
