import { orgKeys } from '@/lib/query-keys';
import type { GridQuery } from './lib/grid-query';

/**
 * Query keys of the Client Referral Program, under the organization's key root, so one clinic's data never answers
 * for another, and `['org', orgId]` (invalidated when a profile is submitted) refreshes the grid too.
 */
export const referralProgramKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'referral-program'),
  grids: (orgId: string) => [...referralProgramKeys.all(orgId), 'grid'] as const,
  grid: (orgId: string, query: GridQuery) => [...referralProgramKeys.grids(orgId), query] as const,
  /** Active therapists of the clinic never enrolled: who Add Staff offers. */
  candidates: (orgId: string) => [...referralProgramKeys.all(orgId), 'candidates'] as const,
  payers: (orgId: string) => [...referralProgramKeys.all(orgId), 'payers'] as const,
  /** Dead-lettered emails of the clinic (org admins only), for the "could not be delivered" list. */
  undeliveredEmails: (orgId: string) => [...referralProgramKeys.all(orgId), 'undelivered-emails'] as const,
};
