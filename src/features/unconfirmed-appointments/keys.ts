/** Query keys of the Unconfirmed Appointments queue: org-scoped first. */
export const unconfirmedKeys = {
  all: (orgId: string) => ['org', orgId, 'unconfirmed-appointments'] as const,
  list: (orgId: string) => [...unconfirmedKeys.all(orgId), 'list'] as const,
};
