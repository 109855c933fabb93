import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '@/lib/membership/current-membership';
import { openingQuery } from '../lib/period';
import { firstTherapistPage } from '../lib/therapist-page';
import { insightsChoicesQueryOptions } from './get-insights-choices';
import { programInsightsQueryOptions } from './get-program-insights';
import { therapistPageQueryOptions } from './get-therapist-page';

/**
 * Starts the Insights tab's figures, the first page of its per-therapist table and filter choices with its route, alongside its code, so the
 * database call is not queued behind the chunk and the first render. A failure is not reported
 * here: the tab asks again and says what failed.
 */
export async function prefetchInsights(queryClient: QueryClient, membership: Membership, now = new Date()) {
  const { organization } = membership;
  const opening = openingQuery(organization.time_zone, now);
  await Promise.all([
    queryClient.prefetchQuery(programInsightsQueryOptions(organization.id, opening)),
    queryClient.prefetchQuery(therapistPageQueryOptions(organization.id, opening, firstTherapistPage)),
    queryClient.prefetchQuery(insightsChoicesQueryOptions(organization.id)),
  ]);
}
