/**
 * Pages of the FHIR feed's files straight from PostgREST as raw text: `public.payer_fhir_file`
 * returns the media type `application/fhir+ndjson` (a domain PostgREST takes as that media type's
 * handler), so PostgREST sends the page's NDJSON as it is and the function pipes the body on
 * unread. The key of the next page is the `Feed-Next-After` response header. Works the same on
 * hosted Supabase (the data API at SUPABASE_URL/rest/v1, the service-role key).
 */
import type { DbError } from '../_shared/http.ts';
import type { FeedFilePage, FeedResourceType } from './fhir-feed.ts';

/**
 * Therapists (or locations) a page: a page of Slot lines for 250 therapists is a few MB, which
 * PostgREST holds while it sends it; the other files are a line or two a therapist.
 */
export const feedPageSizes: Record<FeedResourceType, number> = {
  Location: 1000,
  PractitionerRole: 1000,
  Schedule: 1000,
  Slot: 250,
};

export function feedPageFetcher(options: {
  supabaseUrl: string;
  serviceRoleKey: string;
  siteUrl: string;
  /** The network; tests pass a stand-in data API. */
  fetch?: typeof fetch;
}) {
  const send = options.fetch ?? fetch;
  const headers = {
    apikey: options.serviceRoleKey,
    authorization: `Bearer ${options.serviceRoleKey}`,
    accept: 'application/fhir+ndjson',
  };
  return async (
    payer: string,
    type: FeedResourceType,
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
    let response: Response;
    try {
      response = await send(url, { headers });
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
    return { body: response.body, nextAfter: response.headers.get('feed-next-after') };
  };
}
