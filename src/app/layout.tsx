import { Suspense, useLayoutEffect, useMemo, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AppHeader, SkipLink } from '@/components/layout/app-header';
import { MainNav } from '@/components/layout/main-nav';
import { usePendingRequestCount } from '@/features/unconfirmed-appointments/api/get-unconfirmed-appointments';
import { NoMembershipPage } from '@/components/no-membership-page';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { describeRoles, navigationFor, type Viewer } from '@/lib/access/roles';
import { useSession } from '@/lib/auth/auth-context';
import { fullName, resolveMembership } from '@/lib/membership/current-membership';
import { useStaffMemberships } from '@/lib/membership/get-staff-memberships';
import { MembershipContext } from '@/lib/membership/membership-context';
import { usePageIntent, usePreloadPages } from './page-chunks';

/** The signed-in frame: finds the person's clinic, then shows header, navigation and the page. */
export function AppLayout() {
  const session = useSession();
  const memberships = useStaffMemberships(session.user.id);

  if (memberships.isPending) {
    return (
      <main id="main" className="centered-page">
        <LoadingState label="Loading your clinic…" />
      </main>
    );
  }
  if (memberships.isError) {
    return (
      <main id="main" className="centered-page">
        <h1 className="visually-hidden">Client Referral Program</h1>
        <ErrorState
          title="Your staff record could not be loaded."
          error={memberships.error}
          onRetry={() => void memberships.refetch()}
        />
      </main>
    );
  }

  const resolution = resolveMembership(memberships.data);
  if (resolution.kind !== 'active') {
    return <NoMembershipPage email={session.user.email} deactivated={resolution.kind === 'inactive'} />;
  }
  const { membership } = resolution;

  return (
    <MembershipContext.Provider value={membership}>
      <div className="app-shell">
        <SkipLink />
        <AppHeader
          clinicName={membership.organization.name}
          personName={fullName(membership)}
          personDetail={describeRoles(membership.roles)}
        />
        <div className="app-body">
          <NavWithCounts
            orgId={membership.organization.id}
            programEnabled={membership.organization.referral_program_enabled}
            viewer={{ staffId: membership.id, roles: membership.roles }}
          />
          <PageFrame />
        </div>
      </div>
    </MembershipContext.Provider>
  );
}

/** The main landmark. After a navigation, focus moves to it so keyboard and screen-reader users start at the new page. */
function PageFrame() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  // a layout effect: focus moves in the same commit that shows the new page
  useLayoutEffect(() => {
    if (previousPath.current !== pathname) {
      previousPath.current = pathname;
      mainRef.current?.focus();
    }
  }, [pathname]);

  return (
    <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<LoadingState label="Loading the page…" />}>
          <Outlet />
        </Suspense>
      </ErrorBoundary>
    </main>
  );
}

/** The navigation with the count of requests waiting for an answer (kept fresh by the queue's polling). */
function NavWithCounts({
  orgId,
  programEnabled,
  viewer,
}: {
  orgId: string;
  programEnabled: boolean;
  viewer: Viewer;
}) {
  const { staffId, roles } = viewer;
  const groups = useMemo(() => navigationFor({ staffId, roles }), [staffId, roles]);
  usePreloadPages(groups, { orgId });
  const onIntent = usePageIntent({ ...viewer, orgId, programEnabled });
  const pending = usePendingRequestCount(orgId, programEnabled);
  return <MainNav groups={groups} counts={{ unconfirmedAppointments: pending }} onIntent={onIntent} />;
}
