import { orgKeys } from '@/lib/query-keys';

/** Query keys of the public profile feature, under the organization's key root. */
export const publicProfileKeys = {
  /** Everything of the organization: submitting a profile changes what other org views show (Application Status). */
  org: orgKeys.all,
  all: (orgId: string) => orgKeys.feature(orgId, 'public-profile'),
  detail: (orgId: string, staffId: string) => [...publicProfileKeys.all(orgId), staffId] as const,
};
