import type { QueryClient } from '@tanstack/react-query';
import type { AccessContext } from '@/lib/access/roles';
import { resolveMembership, type Membership } from '@/lib/membership/current-membership';
import { staffMembershipsQueryOptions } from '@/lib/membership/get-staff-memberships';
import { supabase } from '@/lib/supabase';

/** Who is signed in and in which clinic, as the routes' loaders see it. */
export interface LoaderViewer extends AccessContext {
  orgId: string;
  membership: Membership;
}

/**
 * The signed-in staff member, from the same cached query the app layout reads (fetched once however
 * many loaders ask); null when nobody is signed in or the account has no active staff record (the
 * layout's guards show those). A network failure is thrown, for the route's error page.
 */
export async function loaderViewer(queryClient: QueryClient): Promise<LoaderViewer | null> {
  const { data } = await supabase.auth.getSession();
  const userId = data.session?.user.id;
  if (!userId) return null;
  const rows = await queryClient.ensureQueryData(staffMembershipsQueryOptions(userId));
  const resolution = resolveMembership(rows);
  if (resolution.kind !== 'active') return null;
  const { membership } = resolution;
  return {
    staffId: membership.id,
    roles: membership.roles,
    orgId: membership.organization.id,
    programEnabled: membership.organization.referral_program_enabled,
    membership,
  };
}
