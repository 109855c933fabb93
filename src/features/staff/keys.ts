/** Query keys of the staff feature: org-scoped first, so one organization's data never answers for another. */
export const staffKeys = {
  all: (orgId: string) => ['org', orgId, 'staff'] as const,
  lists: (orgId: string) => [...staffKeys.all(orgId), 'list'] as const,
  activeList: (orgId: string) => [...staffKeys.lists(orgId), { active: true }] as const,
  details: (orgId: string) => [...staffKeys.all(orgId), 'detail'] as const,
  detail: (orgId: string, staffId: string) => [...staffKeys.details(orgId), staffId] as const,
};
