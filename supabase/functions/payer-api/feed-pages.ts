/**
 * What the FHIR feed's files are made from, asked of PostgREST. Location, PractitionerRole and
 * Schedule pages come as raw text: `public.payer_fhir_file` returns the media type
 * `application/fhir+ndjson` (a domain PostgREST takes as that media type's handler), so PostgREST
 * sends the page's NDJSON as it is and the function pipes the body on unread; the key of the next
 * page is the `Feed-Next-After` response header. The Slot file's pages are JSON sources the
 * function writes the lines from (`public.payer_fhir_slot_sources`, slot-lines.ts). Works the
 * same on hosted Supabase (the data API at SUPABASE_URL/rest/v1, the service-role key).
 */
import type { DbError } from '../_shared/http.ts';
import type { FeedFilePage, PagedFeedType, SlotPart, SlotSourcePage } from './fhir-feed.ts';
import type { SlotSource } from './slot-lines.ts';

/** Therapists (or locations) a page: a line or two each. */
export const feedPageSizes: Record<PagedFeedType, number> = {
  Location: 1000,
  PractitionerRole: 1000,
  Schedule: 1000,
};

/**
 * Therapists a page of Slot sources: about a kilobyte of JSON each (an occurrence is a few
 * numbers), written out as about 100 lines each while the next page is read.
 */
export const slotSourcePageSize = 500;

/** Therapists a Slot file: about 100 lines, 45 KB each, so a file is about 11 MB. */
export const therapistsPerSlotFile = 250;

interface DataApiOptions {
  supabaseUrl: string;
  serviceRoleKey: string;
  /** The network; tests pass a stand-in data API. */
  fetch?: typeof fetch;
}

/** A data API call; its answer when 2xx, otherwise thrown as supabase-js reports errors. */
async function callDataApi(options: DataApiOptions, url: URL, accept: string): Promise<Response> {
  const send = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(url, {
      headers: {
        apikey: options.serviceRoleKey,
        authorization: `Bearer ${options.serviceRoleKey}`,
        accept,
      },
    });
  } catch (error) {
    // as supabase-js reports it: status 0, the data API could not be reached
    throw { message: String(error), hint: null, status: 0 } satisfies DbError;
  }
  if (!response.ok || !response.body) {
    const error = (await response.json().catch(() => ({}))) as Partial<DbError>;
    throw {
      code: error.code,
      hint: error.hint ?? null,
      message: error.message ?? `the data API answered ${response.status}`,
      details: error.details,
      status: response.status,
    } satisfies DbError;
  }
  return response;
}

/**
 * Pages of `public.payer_fhir_slot_sources` (JSON, one row a therapist, every therapist of the
 * page a row): a full page means there may be more after its last therapist.
 */
export function slotSourceFetcher(options: DataApiOptions) {
  return async (
    payer: string,
    since: string | null,
    afterId: string | null,
    part: SlotPart,
  ): Promise<SlotSourcePage> => {
    const url = new URL(`${options.supabaseUrl}/rest/v1/rpc/payer_fhir_slot_sources`);
    url.searchParams.set('payer', payer);
    url.searchParams.set('page_size', String(slotSourcePageSize));
    if (since !== null) url.searchParams.set('since', since);
    if (afterId !== null) url.searchParams.set('after_id', afterId);
    if (part.count > 1) {
      url.searchParams.set('part', String(part.index));
      url.searchParams.set('parts', String(part.count));
    }
    const rows = (await (await callDataApi(options, url, 'application/json')).json()) as SlotSource[];
    return { rows, nextAfter: rows.length === slotSourcePageSize ? rows.at(-1)!.therapist : null };
  };
}

/** How many files the payer's Slot file is split into (`public.payer_fhir_slot_parts`). */
export function slotPartCounter(options: DataApiOptions) {
  return async (payer: string): Promise<number> => {
    const url = new URL(`${options.supabaseUrl}/rest/v1/rpc/payer_fhir_slot_parts`);
    url.searchParams.set('payer', payer);
    url.searchParams.set('per_file', String(therapistsPerSlotFile));
    return (await (await callDataApi(options, url, 'application/json')).json()) as number;
  };
}

export function feedPageFetcher(options: DataApiOptions & { siteUrl: string }) {
  return async (
    payer: string,
    type: PagedFeedType,
    since: string | null,
    afterId: string | null,
  ): Promise<FeedFilePage> => {
    const url = new URL(`${options.supabaseUrl}/rest/v1/rpc/payer_fhir_file`);
    url.searchParams.set('payer', payer);
    url.searchParams.set('resource_type', type);
    if (since !== null) url.searchParams.set('since', since);
    if (afterId !== null) url.searchParams.set('after_id', afterId);
    url.searchParams.set('page_size', String(feedPageSizes[type]));
    url.searchParams.set('site_url', options.siteUrl);
    const response = await callDataApi(options, url, 'application/fhir+ndjson');
    return { body: response.body!, nextAfter: response.headers.get('feed-next-after') };
  };
}
