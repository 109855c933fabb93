import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '@/lib/membership/current-membership';
import { dateIn } from '../lib/clinic-date';
import { homeSections } from '../lib/home-sections';
import { externalBlocksQueryOptions } from './get-external-blocks';
import { incompleteProfilesQueryOptions } from './get-incomplete-profiles';
import { myProfileStatusQueryOptions } from './get-my-profile-status';
import { pendingRequestsQueryOptions } from './get-pending-requests';

/**
 * Fetches what `membership`'s home page opens with (for a route loader, or a pointer on the Home
 * link). A failure is not reported here: the page asks again and says what failed.
 */
export async function prefetchHome(queryClient: QueryClient, membership: Membership, now = new Date()) {
  const { organization, roles } = membership;
  const sections = homeSections(roles, organization.referral_program_enabled);
  const orgId = organization.id;
  const queries: Promise<void>[] = [];
  if (sections.incompleteProfiles)
    queries.push(queryClient.prefetchQuery(incompleteProfilesQueryOptions(orgId)));
  if (sections.expiringRequests || sections.pendingRequestsByUrgency || sections.therapist) {
    queries.push(queryClient.prefetchQuery(pendingRequestsQueryOptions(orgId)));
  }
  if (sections.therapist) {
    queries.push(
      queryClient.prefetchQuery(myProfileStatusQueryOptions(orgId, membership.id)),
      queryClient.prefetchQuery(
        externalBlocksQueryOptions(orgId, membership.id, dateIn(organization.time_zone, now)),
      ),
    );
  }
  await Promise.all(queries);
}
