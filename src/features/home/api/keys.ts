/** Query keys of the home page's to-do lists: org-scoped first, so anything that refreshes a clinic refreshes these. */
export const homeKeys = {
  all: (orgId: string) => ['org', orgId, 'home'] as const,
  incompleteProfiles: (orgId: string) => [...homeKeys.all(orgId), 'incomplete-profiles'] as const,
  pendingRequests: (orgId: string) => [...homeKeys.all(orgId), 'pending-requests'] as const,
  myProfile: (orgId: string, staffId: string) => [...homeKeys.all(orgId), 'my-profile', staffId] as const,
  externalBlocks: (orgId: string, staffId: string) =>
    [...homeKeys.all(orgId), 'external-blocks', staffId] as const,
};

/**
 * How long the lists count as fresh. The home page is where people land after acting elsewhere
 * (a decision, a submitted profile, a calendar block), and those mutations invalidate their own
 * feature's keys: opening home refetches, unless a route loader fetched a moment ago.
 */
export const homeStaleTimeMs = 5_000;
