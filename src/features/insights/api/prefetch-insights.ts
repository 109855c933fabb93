import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '@/lib/membership/current-membership';
import { openingQuery } from '../lib/period';
import { insightsChoicesQueryOptions } from './get-insights-choices';
import { programInsightsQueryOptions } from './get-program-insights';

/**
 * Starts the Insights tab's figures and filter choices with its route, alongside its code, so the
 * database call is not queued behind the chunk and the first render. A failure is not reported
 * here: the tab asks again and says what failed.
 */
export async function prefetchInsights(queryClient: QueryClient, membership: Membership, now = new Date()) {
  const { organization } = membership;
  await Promise.all([
    queryClient.prefetchQuery(
      programInsightsQueryOptions(organization.id, openingQuery(organization.time_zone, now)),
    ),
    queryClient.prefetchQuery(insightsChoicesQueryOptions(organization.id)),
  ]);
}
