/**
 * Query keys of the client's status page. No organization: the visitor is signed out and the
 * link's token is the only key there is (kept in memory, never persisted).
 */
export const requestStatusKeys = {
  all: ['request-status'] as const,
  status: (token: string) => [...requestStatusKeys.all, token] as const,
};
