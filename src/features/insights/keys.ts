import { orgKeys } from '@/lib/query-keys';
import type { InsightsQuery } from './lib/period';
import type { TherapistPageQuery } from './lib/therapist-page';

/**
 * Query keys of program insights, under the organization's root: a decision on a request
 * (`invalidateAfterRequestDecision`) marks them stale with the queue's.
 */
export const insightsKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'insights'),
  figures: (orgId: string, query: InsightsQuery) => [...insightsKeys.all(orgId), 'figures', query] as const,
  /** one page of the per-therapist table, for a query and its sort and page */
  therapistPage: (orgId: string, query: InsightsQuery, page: TherapistPageQuery) =>
    [...insightsKeys.all(orgId), 'therapists', query, page] as const,
  choices: (orgId: string) => [...insightsKeys.all(orgId), 'choices'] as const,
};
