import { orgKeys } from '@/lib/query-keys';

/** Query keys of the Unconfirmed Appointments queue, under the organization's key root. */
export const unconfirmedKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'unconfirmed-appointments'),
  list: (orgId: string) => [...unconfirmedKeys.all(orgId), 'list'] as const,
  count: (orgId: string) => [...unconfirmedKeys.all(orgId), 'count'] as const,
};
