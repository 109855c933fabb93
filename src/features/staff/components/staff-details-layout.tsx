import { Suspense } from 'react';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { TabNav } from '@/components/ui/tab-nav';
import { usePageTitle } from '@/components/ui/use-page-title';
import { paths } from '@/lib/access/paths';
import { hasRole } from '@/lib/access/roles';
import { fullName } from '@/lib/membership/current-membership';
import { useMembership } from '@/lib/membership/membership-context';
import { useStaffMember, type StaffMemberDetails } from '../api/get-staff-member';
import { StatusBadge } from '@/components/ui/status-badge';

/** Staff › Active Staff Members › Details: the staff member's name and tabs; the tab's page renders below. */
export function StaffDetailsLayout() {
  const { staffId = '' } = useParams();
  const membership = useMembership();
  const staff = useStaffMember(membership.org_id, staffId);
  const viewer = { staffId: membership.id, roles: membership.roles };
  const isSelf = staffId === membership.id;
  const name = staff.data ? fullName(staff.data) : null;
  usePageTitle(name ?? 'Staff member');

  // only those who may open Active Staff Members are led back to it
  const breadcrumb = hasRole(viewer, ['org_admin', 'scheduler']) ? (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.activeStaff}>Active Staff Members</Link>
        </li>
        <li aria-current="page">{name ?? 'Details'}</li>
      </ol>
    </nav>
  ) : null;

  if (staff.isPending) {
    return (
      <section className="page" aria-label="Staff member">
        {breadcrumb}
        <LoadingState label="Loading the staff member…" />
      </section>
    );
  }
  if (staff.isError) {
    return (
      <section className="page" aria-label="Staff member">
        {breadcrumb}
        <ErrorState
          title="This staff member could not be loaded."
          error={staff.error}
          onRetry={() => void staff.refetch()}
        />
      </section>
    );
  }
  if (staff.data === null) {
    return (
      <section className="page" aria-labelledby="staff-not-found-title">
        {breadcrumb}
        <h1 id="staff-not-found-title">Staff member not found</h1>
        <p>There is no staff member of {membership.organization.name} at this address.</p>
      </section>
    );
  }

  const member = staff.data;
  const tabs = [
    { label: 'Overview', to: paths.staffDetails(member.id), end: true },
    // Public profiles belong to therapists.
    ...(member.roles.includes('therapist')
      ? [{ label: 'Public Profile', to: paths.staffPublicProfile(member.id) }]
      : []),
  ];

  return (
    <section aria-labelledby="staff-details-title" className="page">
      {breadcrumb}
      <p className="eyebrow">{isSelf ? 'My Profile' : 'Staff member details'}</p>
      <h1 id="staff-details-title">
        {name}
        {member.is_active ? null : (
          <>
            {' '}
            <StatusBadge tone="neutral">Deactivated</StatusBadge>
          </>
        )}
      </h1>
      <TabNav label="Staff member sections" tabs={tabs} />
      <div className="tab-panel">
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <Outlet context={member} />
        </Suspense>
      </div>
    </section>
  );
}

/** The staff member a Details tab is about (from StaffDetailsLayout). */
export function useStaffMemberOfPage(): StaffMemberDetails {
  return useOutletContext<StaffMemberDetails>();
}
