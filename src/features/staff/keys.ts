import { orgKeys } from '@/lib/query-keys';

/** Query keys of the staff feature, under the organization's key root. */
export const staffKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'staff'),
  lists: (orgId: string) => [...staffKeys.all(orgId), 'list'] as const,
  activeList: (orgId: string) => [...staffKeys.lists(orgId), { active: true }] as const,
  details: (orgId: string) => [...staffKeys.all(orgId), 'detail'] as const,
  detail: (orgId: string, staffId: string) => [...staffKeys.details(orgId), staffId] as const,
};
