/**
 * The payer's FHIR slot feed (SMART Scheduling Links bulk publish):
 *   GET /payer-api/$bulk-publish            the manifest: one NDJSON file per resource type, the
 *                                           Slot file in parts of 250 therapists
 *   GET /payer-api/fhir/{Type}.ndjson       the file, streamed page by page from the database
 *   GET /payer-api/fhir/Slot.ndjson?part=i&parts=n   one part of the Slot file
 * `_type` (comma-separated resource types) and `_since` (an instant) narrow both.
 */
import { z } from 'zod';
import type { bulkPublishManifestSchema } from '../_shared/contract/payer-api.ts';
import { apiError, json } from '../_shared/http.ts';
import { isStorableInstant } from '../_shared/referral-request.ts';
import { slotLines, type SlotSource } from './slot-lines.ts';

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

/** The files whose pages the database writes whole; Slot lines are written here (slot-lines.ts). */
export type PagedFeedType = Exclude<FeedResourceType, 'Slot'>;

export type FetchFeedPage = (
  payerId: string,
  type: PagedFeedType,
  since: string | null,
  afterId: string | null,
) => Promise<FeedFilePage>;

/**
 * One page of what the Slot file is written from: therapists in id order and the key to ask the
 * next page after, null on the last page.
 */
export interface SlotSourcePage {
  rows: SlotSource[];
  nextAfter: string | null;
}

/** One of the files the Slot file is split into: the `index`-th of `count` shares of therapists. */
export interface SlotPart {
  index: number;
  count: number;
}

export const wholeSlotFile: SlotPart = { index: 0, count: 1 };

export type FetchSlotSources = (
  payerId: string,
  since: string | null,
  afterId: string | null,
  part: SlotPart,
) => Promise<SlotSourcePage>;

/** Where the feed's files come from: the database's pages, and the Slot lines' sources and links. */
export interface FeedSources {
  page: FetchFeedPage;
  slotSources: FetchSlotSources;
  /** How many files the payer's Slot file is split into (a few MB each). */
  slotParts: (payerId: string) => Promise<number>;
  /** The app's address: booking deep links open its public request page. */
  siteUrl: string;
}

/** How long a payer may cache the manifest and the files: slots change, but not by the second. */
export const feedMaxAgeSeconds = 300;

const isFeedType = (t: string): t is FeedResourceType => (feedResourceTypes as readonly string[]).includes(t);

const sinceSchema = z.iso
  .datetime({ offset: true, local: false })
  .refine(isStorableInstant, 'is out of range');

const partNumber = /^(0|[1-9][0-9]?)$/;

/** `part` and `parts` of a Slot file's address, or a 400; absent, the whole file. */
function parsePart(params: URLSearchParams): SlotPart | { error: Response } {
  const [part, parts] = [params.get('part'), params.get('parts')];
  if (part === null && parts === null) return wholeSlotFile;
  const index = Number(part);
  const count = Number(parts);
  if (
    !partNumber.test(part ?? '') ||
    !partNumber.test(parts ?? '') ||
    count < 1 ||
    count > 64 ||
    index >= count
  )
    return {
      error: apiError(
        400,
        'invalid_query',
        'Query parameters part and parts go together: part from 0 to parts - 1, parts from 1 to 64, as the manifest lists them.',
        part === null || partNumber.test(part) ? 'parts' : 'part',
      ),
    };
  return { index, count };
}

/**
 * `_type`, `_since` and (on the Slot file) `part` of `parts`, or a 400 naming the problem;
 * nothing else is accepted.
 */
export function parseFeedQuery(
  params: URLSearchParams,
): { types: FeedResourceType[]; since: string | null; part: SlotPart } | { error: Response } {
  for (const name of params.keys()) {
    if (!['_type', '_since', 'part', 'parts'].includes(name))
      return { error: apiError(400, 'invalid_query', `Unknown query parameter: ${name}.`, name) };
  }
  const part = parsePart(params);
  if ('error' in part) return part;
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
  return { types, since: sinceParam === null ? null : new Date(sinceParam).toISOString(), part };
}

const cacheHeaders = { 'cache-control': `private, max-age=${feedMaxAgeSeconds}` };

/**
 * The bulk-publish manifest; `baseUrl` is the payer API's public address. The Slot file is listed
 * as several files of a few MB each (SMART Scheduling Links lets a type have many), so a client
 * can fetch them side by side; a payer with few therapists gets one.
 */
export async function manifestAnswer(
  requestUrl: string,
  baseUrl: string,
  query: URLSearchParams,
  payerId: string,
  feed: FeedSources,
): Promise<Response> {
  const parsed = parseFeedQuery(query);
  if ('error' in parsed) return parsed.error;
  if (query.has('part') || query.has('parts'))
    return apiError(
      400,
      'invalid_query',
      'Query parameters part and parts belong on a Slot file, as the manifest lists them.',
      query.has('part') ? 'part' : 'parts',
    );
  const fileUrl = (type: FeedResourceType, part: SlotPart) => {
    const search = new URLSearchParams();
    if (part.count > 1) {
      search.set('part', String(part.index));
      search.set('parts', String(part.count));
    }
    if (parsed.since) search.set('_since', parsed.since);
    const text = search.toString();
    return `${baseUrl}/fhir/${type}.ndjson${text ? `?${text}` : ''}`;
  };
  const slotParts = parsed.types.includes('Slot') ? await feed.slotParts(payerId) : 1;
  // every type is one file but Slot, which is split into `slotParts` files
  const partsOf = (type: FeedResourceType) => (type === 'Slot' ? slotParts : 1);
  const manifest: z.infer<typeof bulkPublishManifestSchema> = {
    transactionTime: new Date().toISOString(),
    request: `${baseUrl}/$bulk-publish${new URL(requestUrl).search}`,
    output: parsed.types.flatMap((type) => {
      const count = partsOf(type);
      return Array.from({ length: count }, (_, index) => ({ type, url: fileUrl(type, { index, count }) }));
    }),
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
  feed: FeedSources,
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
  if (type !== 'Slot' && parsed.part.count > 1)
    return apiError(400, 'invalid_query', `${type}.ndjson is one file; only Slot is split in parts.`, 'part');
  const body =
    type === 'Slot'
      ? await slotFileBody(payerId, parsed.since, parsed.part, feed)
      : await pagedFileBody(payerId, type, parsed.since, feed.page);
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/fhir+ndjson', ...cacheHeaders },
  });
}

/**
 * A file whose pages the database writes (Location, PractitionerRole, Schedule): the pages'
 * bodies piped one after another, never read here. The first page is asked for before answering,
 * so a failing database is an HTTP error rather than a cut-off file.
 */
async function pagedFileBody(
  payerId: string,
  type: PagedFeedType,
  since: string | null,
  fetchPage: FetchFeedPage,
): Promise<ReadableStream<Uint8Array>> {
  const first = await fetchPage(payerId, type, since, null);
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  void (async () => {
    let page = first;
    let next: Promise<FeedFilePage> | null = null;
    try {
      for (;;) {
        // the next page is asked for as soon as its key is known, so the database writes it
        // while this one streams (two pages at most in flight)
        next = page.nextAfter === null ? null : fetchPage(payerId, type, since, page.nextAfter);
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
  return readable;
}

/** Text of about this many characters is encoded and sent at a time. */
const slotChunkChars = 256 * 1024;

/**
 * The Slot file, written here from the database's pages of sources (slot-lines.ts) as the payer
 * reads it: a chunk is written only when the payer has taken the last (a pull stream), and the
 * next page is asked for while this one is written, so memory holds a page of sources and a chunk
 * whatever the payer's size. The first page is asked for before answering.
 */
async function slotFileBody(
  payerId: string,
  since: string | null,
  part: SlotPart,
  feed: FeedSources,
): Promise<ReadableStream<Uint8Array>> {
  let page = await feed.slotSources(payerId, since, null, part);
  let next = page.nextAfter === null ? null : feed.slotSources(payerId, since, page.nextAfter, part);
  let row = 0;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = '';
        while (text.length < slotChunkChars) {
          if (row === page.rows.length) {
            if (next === null) break;
            page = await next;
            row = 0;
            next = page.nextAfter === null ? null : feed.slotSources(payerId, since, page.nextAfter, part);
            continue;
          }
          text += slotLines(page.rows[row++]!, feed.siteUrl);
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (row === page.rows.length && next === null) controller.close();
      },
      cancel() {
        // the payer left: a page asked for ahead is let go unread
        void next?.catch(() => {});
      },
    },
    // one chunk at a time: the next is written when the payer has taken this one
    { highWaterMark: 0 },
  );
}
