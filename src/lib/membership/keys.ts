/**
 * Keys of the signed-in person's own data. Everything else is under the organization's key root (lib/query-keys),
 * but the memberships are what tells us the org, so they are keyed by the user.
 */
export const membershipKeys = {
  all: (userId: string) => ['user', userId] as const,
  staffMemberships: (userId: string) => [...membershipKeys.all(userId), 'staff-memberships'] as const,
};
