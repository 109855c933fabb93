/**
 * The one root of every organization's query keys: `['org', orgId, feature, …]`. One clinic's data
 * never answers for another, invalidating `orgKeys.all` refreshes everything of a clinic, and a
 * change that several features show invalidates each of them through here, without the features
 * importing each other.
 */
import type { QueryClient } from '@tanstack/react-query';

/** The features that keep organization data in the query cache, by their key segment. */
export type OrgFeature =
  | 'insights'
  | 'notification-settings'
  | 'public-profile'
  | 'referral-program'
  | 'schedule'
  | 'staff'
  | 'unconfirmed-appointments';

export const orgKeys = {
  all: (orgId: string) => ['org', orgId] as const,
  feature: <F extends OrgFeature>(orgId: string, feature: F) => [...orgKeys.all(orgId), feature] as const,
};

/**
 * What a decision on a referral request (confirm, decline, offer other times) changes: the
 * Unconfirmed Appointments queue, its history and the navigation's count of pending requests
 * ('unconfirmed-appointments'), the calendar's requests and appointments ('schedule'), and the
 * program's figures ('insights').
 */
export const requestDecisionChanges: readonly OrgFeature[] = [
  'unconfirmed-appointments',
  'schedule',
  'insights',
];

/** Marks everything a decision on a request changed as stale; what is on screen refetches. */
export async function invalidateAfterRequestDecision(queryClient: QueryClient, orgId: string): Promise<void> {
  await Promise.all(
    requestDecisionChanges.map((feature) =>
      queryClient.invalidateQueries({ queryKey: orgKeys.feature(orgId, feature) }),
    ),
  );
}
