import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { matchRoutes, Outlet, useLocation, useMatches, useNavigation, type RouteObject } from 'react-router';
import { AppHeader, SkipLink } from '@/components/layout/app-header';
import { MainNav } from '@/components/layout/main-nav';
import { NoAccessPage, ProgramOffPage } from '@/components/no-access-page';
import { NoMembershipPage } from '@/components/no-membership-page';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { useTitleCount } from '@/components/ui/use-page-title';
import { usePendingRequestCount } from '@/features/unconfirmed-appointments/api/get-pending-request-count';
import { navigationFrom, routeHandle } from '@/lib/access/navigation';
import { NavigationContext, PagePreloadContext, type PagePreload } from '@/lib/access/navigation-context';
import { describeRoles, refusal, type AccessContext, type AccessRefusal } from '@/lib/access/roles';
import { useSession } from '@/lib/auth/auth-context';
import { fullName, resolveMembership } from '@/lib/membership/current-membership';
import { useStaffMemberships } from '@/lib/membership/get-staff-memberships';
import { MembershipContext } from '@/lib/membership/membership-context';
import type { Preload, PreloadCode } from './route-table';
import styles from './app-shell.module.css';

/** The signed-in frame: finds the person's clinic, then shows header, navigation and the page. */
export function AppLayout({ pages }: { pages: RouteObject[] }) {
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
  const viewer: AccessContext = {
    staffId: membership.id,
    roles: membership.roles,
    programEnabled: membership.organization.referral_program_enabled,
  };

  return (
    <MembershipContext.Provider value={membership}>
      <Shell
        pages={pages}
        viewer={viewer}
        orgId={membership.organization.id}
        clinicName={membership.organization.name}
        personName={fullName(membership)}
        personDetail={describeRoles(membership.roles)}
      />
    </MembershipContext.Provider>
  );
}

interface ShellProps {
  pages: RouteObject[];
  viewer: AccessContext;
  orgId: string;
  clinicName: string;
  personName: string;
  personDetail: string;
}

/** Header, navigation (a menu below 900 px) and the page. */
function Shell({ pages, viewer, orgId, clinicName, personName, personDetail }: ShellProps) {
  const { staffId, roles, programEnabled } = viewer;
  const groups = useMemo(
    () => navigationFrom(pages, { staffId, roles, programEnabled }),
    [pages, staffId, roles, programEnabled],
  );
  const pending = usePendingRequestCount(orgId, programEnabled);
  useTitleCount(pending);
  const preload = usePreload(pages);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const menu = useMenu(menuButtonRef);

  return (
    <NavigationContext.Provider value={groups}>
      <div>
        <SkipLink />
        <AppHeader
          clinicName={clinicName}
          personName={personName}
          personDetail={personDetail}
          menuButton={
            <button
              ref={menuButtonRef}
              type="button"
              className={styles.menuButton}
              aria-expanded={menu.open}
              aria-controls={menu.id}
              onClick={menu.toggle}
            >
              <span aria-hidden="true" className={styles.menuIcon} />
              Menu
            </button>
          }
        />
        <div className={styles.body}>
          <MainNav
            id={menu.id}
            open={menu.open}
            groups={groups}
            counts={{ unconfirmedAppointments: pending }}
            onIntent={preload.page}
          />
          {/* the pages' tabs fetch ahead through it */}
          <PagePreloadContext.Provider value={preload}>
            <PageFrame viewer={viewer} />
          </PagePreloadContext.Provider>
        </div>
      </div>
    </NavigationContext.Provider>
  );
}

/**
 * The navigation's disclosure on narrow screens: the button toggles it, Escape closes it and puts
 * focus back on the button, and opening a page closes it.
 */
function useMenu(buttonRef: RefObject<HTMLButtonElement | null>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }
  const toggle = useCallback(() => setOpen((value) => !value), []);
  useEffect(() => {
    if (!open) return;
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [open, buttonRef]);
  return { id: `main-nav-${id.replace(/:/g, '')}`, open, toggle };
}

/**
 * Fetches ahead, for an address, its routes' code and the data they open on (`page`: a link about
 * to be opened), or their code alone (`code`: a page likely to be opened next).
 */
function usePreload(pages: RouteObject[]): PagePreload {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const matches = (to: string) =>
      (matchRoutes(pages, to) ?? []).map(({ route, params }) => ({
        params,
        ...(route.handle as { preload?: Preload; preloadCode?: PreloadCode } | undefined),
      }));
    // a failed prefetch is not an error: the route loads (and reports) again when opened
    return {
      page: (to) => {
        for (const { preload, params } of matches(to)) preload?.(params).catch(() => {});
      },
      code: (to) => {
        for (const { preloadCode } of matches(to)) preloadCode?.().catch(() => {});
      },
    };
    // the loaders read the query client the routes were built with, which is this one
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages, queryClient]);
}

/** The first refusal among the matched routes' access rules (a parent's rule holds for its children). */
function useRefusal(viewer: AccessContext): AccessRefusal {
  const matches = useMatches();
  for (const match of matches) {
    const { access } = routeHandle(match);
    if (!access) continue;
    const refused = refusal(access, viewer, match.params.staffId);
    if (refused) return refused;
  }
  return null;
}

/**
 * The main landmark. After a navigation, focus moves to it so keyboard and screen-reader users start
 * at the new page; if the page was scrolled past its top, its top is brought into view.
 */
function PageFrame({ viewer }: { viewer: AccessContext }) {
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  const refused = useRefusal(viewer);

  // a layout effect: focus moves in the same commit that shows the new page
  useLayoutEffect(() => {
    const main = mainRef.current;
    if (previousPath.current === pathname || !main) return;
    previousPath.current = pathname;
    // without scrolling: focus() would lay the new page out there and then, mid-commit, scroll
    // the header away (and repaint) to put the landmark's top at the window's
    main.focus({ preventScroll: true });
    // before the next paint, where the page is laid out anyway
    const frame = requestAnimationFrame(() => {
      if (main.getBoundingClientRect().top < 0) main.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  const loading = navigation.state === 'loading';
  return (
    <main id="main" ref={mainRef} tabIndex={-1} className={styles.main} aria-busy={loading || undefined}>
      {loading ? <div className={styles.progress} role="progressbar" aria-label="Opening the page" /> : null}
      {refused === 'role' ? <NoAccessPage /> : refused === 'program' ? <ProgramOffPage /> : <Outlet />}
    </main>
  );
}
