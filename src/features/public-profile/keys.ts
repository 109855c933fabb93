/** Query keys of the public profile feature: org-scoped first, so one clinic's data never answers for another. */
export const publicProfileKeys = {
  /** Everything of the organization: submitting a profile changes what other org views show (Application Status). */
  org: (orgId: string) => ['org', orgId] as const,
  all: (orgId: string) => [...publicProfileKeys.org(orgId), 'public-profile'] as const,
  detail: (orgId: string, staffId: string) => [...publicProfileKeys.all(orgId), staffId] as const,
};
