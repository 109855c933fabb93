import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '@/lib/membership/current-membership';
import { openingQuery } from '../lib/period';
import { firstTherapistPage } from '../lib/therapist-page';
import { insightsChoicesQueryOptions } from './get-insights-choices';
import { programInsightsQueryOptions } from './get-program-insights';
import { therapistPageQueryOptions } from './get-therapist-page';

/**
 * Starts the Insights tab's figures and the first page of its per-therapist table with its route,
 * alongside its code, so no database call is queued behind the chunk and the first render. Only the
 * figures are waited for: the charts are drawn as soon as they arrive, while the per-therapist page
 * (which says it is loading) may still be on their way. The filter choices (three lists, the
 * filters work with the default "all" meanwhile) are asked for once the figures have answered, so
 * that the calls the charts wait for do not share the browser's and the server's time with them.
 * A failure is not reported here: the tab asks again and says what failed.
 */
export async function prefetchInsights(queryClient: QueryClient, membership: Membership, now = new Date()) {
  const { organization } = membership;
  const opening = openingQuery(organization.time_zone, now);
  const figures = queryClient.prefetchQuery(programInsightsQueryOptions(organization.id, opening));
  void queryClient.prefetchQuery(therapistPageQueryOptions(organization.id, opening, firstTherapistPage));
  await figures;
  void queryClient.prefetchQuery(insightsChoicesQueryOptions(organization.id));
}
