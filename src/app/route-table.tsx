/**
 * The app's pages, as data: each route declares its code (`lazy`, a chunk of its own, so heavy pages
 * cost nothing at start), the data it opens on (its loader, through the query cache), who may open
 * it and where it sits in the navigation (its `handle`). The navigation, the access guard, the
 * prefetch on pointing at a link and the error page are all derived from this table.
 *
 * Adding a page: one `page({...})` entry here, and its feature folder.
 */
import type { QueryClient } from '@tanstack/react-query';
import { lazy as lazyComponent, Suspense, type ComponentType } from 'react';
import { redirect, type Params, type RouteObject } from 'react-router';
import { NotFoundPage } from '@/components/no-access-page';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { paths } from '@/lib/access/paths';
import type { NavEntry, RouteHandle } from '@/lib/access/navigation';
import { everyRole, mayOpen, type RouteAccess } from '@/lib/access/roles';
import { isNetworkFailure } from '@/lib/errors';
import { RequirePasswordChosen, RequireSession } from './guards';
import { AppLayout } from './layout';
import { RouteErrorPage, StartingApp } from './route-error-page';
import { loaderViewer, type LoaderViewer } from './viewer';

interface PrefetchContext {
  queryClient: QueryClient;
  viewer: LoaderViewer;
  params: Params;
}

interface PageSpec {
  path?: string;
  index?: true;
  /** The page's component, from its own chunk. */
  lazy?: () => Promise<ComponentType>;
  /**
   * The data the page opens on, into the query cache (`ensureQueryData`), fetched alongside its
   * code. Its query modules are imported here, not at the top, so they stay out of the app's first
   * chunk (the page's chunk has them anyway).
   */
  prefetch?: (context: PrefetchContext) => Promise<unknown>;
  /**
   * The module `prefetch` imports, so that it can be loaded with the page's code ahead of time
   * (`preloadCode`): opening the page then starts its calls at once, not after a chunk's fetch.
   */
  prefetchModule?: () => Promise<unknown>;
  access: RouteAccess;
  nav?: NavEntry;
  children?: RouteObject[];
}

const LazyHomeInsights = lazyComponent(async () => ({
  default: (await import('@/features/insights/components/home-insights')).HomeInsights,
}));

/** The home page's figures, shown once their chunk has loaded (nothing in their place before). */
function HomeInsights() {
  return (
    <Suspense fallback={null}>
      <LazyHomeInsights />
    </Suspense>
  );
}

/** What the navigation calls when a link is about to be opened: fetches the page's code and data ahead. */
export type Preload = (params: Params) => Promise<void>;

/** Loads a page's code (and its prefetch's) without fetching any data: for pages likely opened next. */
export type PreloadCode = () => Promise<void>;

// the subscription tabs' prefetch modules, named once for their loaders and their code preloads
const programGridPrefetch = () => import('@/features/referral-program/api/prefetch-program-grid');
const insightsPrefetch = () => import('@/features/insights/api/prefetch-insights');

const staffDesk: RouteAccess = { roles: ['org_admin', 'scheduler'] };
const staffRecord: RouteAccess = { roles: ['org_admin', 'scheduler'], ownRecordRoles: ['therapist'] };

/** The signed-in pages (inside the app's frame), in navigation order. */
export function signedInPages(queryClient: QueryClient): RouteObject[] {
  const page = pageRoute(queryClient);
  return [
    page({
      index: true,
      access: { roles: everyRole },
      lazy: async () => {
        const { HomePage } = await import('@/features/home/components/home-page');
        // the figures (and the charts' code) load after the home page, in a chunk of their own
        return function Home() {
          return <HomePage figures={<HomeInsights />} />;
        };
      },
      prefetch: async ({ queryClient, viewer }) => {
        const { prefetchHome } = await import('@/features/home/api/prefetch-home');
        await prefetchHome(queryClient, viewer.membership);
      },
    }),
    { path: 'organization', loader: () => redirect(paths.manageSubscription) },
    page({
      path: paths.manageSubscription,
      access: { roles: ['org_admin'] },
      nav: {
        id: 'manageSubscription',
        group: 'Organization',
        label: 'Manage Subscription',
        opens: paths.referralProgram,
      },
      lazy: async () =>
        (await import('@/features/organization/components/manage-subscription-layout'))
          .ManageSubscriptionLayout,
      children: [
        { index: true, loader: () => redirect(paths.referralProgram) },
        page({
          path: paths.referralProgram,
          access: { roles: ['org_admin'] },
          lazy: async () =>
            (await import('@/features/referral-program/components/referral-program-tab')).ReferralProgramTab,
          prefetch: async ({ queryClient, viewer }) => {
            if (!viewer.programEnabled) return;
            const { prefetchProgramGrid } = await programGridPrefetch();
            await prefetchProgramGrid(queryClient, viewer.orgId);
          },
          prefetchModule: programGridPrefetch,
        }),
        page({
          path: paths.programInsights,
          access: { roles: ['org_admin'] },
          lazy: async () => (await import('@/features/insights/components/insights-tab')).InsightsTab,
          prefetch: async ({ queryClient, viewer }) => {
            if (!viewer.programEnabled) return;
            const { prefetchInsights } = await insightsPrefetch();
            await prefetchInsights(queryClient, viewer.membership);
          },
          prefetchModule: insightsPrefetch,
        }),
      ],
    }),
    page({
      path: paths.activeStaff,
      access: staffDesk,
      nav: { id: 'activeStaff', group: 'Staff', label: 'Active Staff Members' },
      lazy: async () => (await import('@/features/staff/components/active-staff-page')).ActiveStaffPage,
      prefetch: async ({ queryClient, viewer }) => {
        const { activeStaffQueryOptions } = await import('@/features/staff/api/get-active-staff');
        await queryClient.ensureQueryData(activeStaffQueryOptions(viewer.orgId));
      },
    }),
    page({
      path: '/staff/:staffId',
      access: staffRecord,
      // therapists reach their own Details and Public Profile here
      nav: {
        id: 'myProfile',
        group: 'Staff',
        label: 'My Profile',
        roles: ['therapist'],
        params: (viewer) => ({ staffId: viewer.staffId }),
      },
      lazy: async () => (await import('@/features/staff/components/staff-details-layout')).StaffDetailsLayout,
      prefetch: async ({ queryClient, viewer, params }) => {
        const { staffMemberQueryOptions } = await import('@/features/staff/api/get-staff-member');
        await queryClient.ensureQueryData(staffMemberQueryOptions(viewer.orgId, params.staffId ?? ''));
      },
      children: [
        page({
          index: true,
          access: staffRecord,
          lazy: async () => (await import('@/features/staff/components/staff-overview-tab')).StaffOverviewTab,
        }),
        page({
          path: 'public-profile',
          access: staffRecord,
          lazy: async () =>
            (await import('@/features/public-profile/components/public-profile-tab')).PublicProfileTab,
          prefetch: async ({ queryClient, viewer, params }) => {
            const { publicProfileQueryOptions } =
              await import('@/features/public-profile/api/get-public-profile');
            await queryClient.ensureQueryData(publicProfileQueryOptions(viewer.orgId, params.staffId ?? ''));
          },
        }),
      ],
    }),
    { path: 'schedule', loader: () => redirect(paths.unconfirmedAppointments) },
    page({
      path: paths.scheduleCalendar,
      access: { roles: everyRole },
      nav: { id: 'scheduleCalendar', group: 'Schedule', label: 'Calendar' },
      lazy: async () =>
        (await import('@/features/schedule/components/schedule-calendar-page')).ScheduleCalendarPage,
      prefetch: async ({ queryClient, viewer }) => {
        const { prefetchCalendar } = await import('@/features/schedule/api/prefetch-calendar');
        await prefetchCalendar(queryClient, viewer.orgId, viewer);
      },
    }),
    page({
      path: paths.unconfirmedAppointments,
      access: { roles: everyRole, needsProgram: true },
      nav: { id: 'unconfirmedAppointments', group: 'Schedule', label: 'Unconfirmed Appointments' },
      lazy: async () =>
        (await import('@/features/unconfirmed-appointments/components/unconfirmed-appointments-page'))
          .UnconfirmedAppointmentsPage,
      prefetch: async ({ queryClient, viewer }) => {
        const { unconfirmedAppointmentsQueryOptions } =
          await import('@/features/unconfirmed-appointments/api/get-unconfirmed-appointments');
        await queryClient.ensureQueryData(unconfirmedAppointmentsQueryOptions(viewer.orgId));
      },
    }),
    page({
      path: paths.unconfirmedAppointmentsHandled,
      access: { roles: everyRole, needsProgram: true },
      lazy: async () =>
        (await import('@/features/unconfirmed-appointments/components/handled-requests-page'))
          .HandledRequestsPage,
      prefetch: async ({ queryClient, viewer }) => {
        const { handledRequestsQueryOptions } =
          await import('@/features/unconfirmed-appointments/api/get-handled-requests');
        const { noFilters } = await import('@/features/unconfirmed-appointments/lib/handled-filters');
        await queryClient.ensureQueryData(handledRequestsQueryOptions(viewer.orgId, noFilters, null));
      },
    }),
    page({
      path: paths.notificationSettings,
      access: { roles: everyRole },
      nav: { id: 'notificationSettings', group: 'Staff', label: 'Notification Settings' },
      lazy: async () =>
        (await import('@/features/notification-settings/components/notification-settings-page'))
          .NotificationSettingsPage,
      prefetch: async ({ queryClient, viewer }) => {
        const { alertPreferenceQueryOptions } =
          await import('@/features/notification-settings/api/get-alert-preference');
        await queryClient.ensureQueryData(alertPreferenceQueryOptions(viewer.orgId, viewer.staffId));
      },
    }),
    // the screen's former address: bookmarks and links in emails already sent still lead to it
    { path: 'schedule/unconfirmed', loader: () => redirect(paths.unconfirmedAppointments) },
    { path: '*', Component: NotFoundPage },
  ];
}

/** Every route of the app. */
export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  const pages = signedInPages(queryClient);
  return [
    { path: paths.signIn, Component: SignInPage, errorElement: <RouteErrorPage standalone /> },
    // the public pages (a clinic's request page, the client's status page) are not here: they
    // have an entry of their own (src/public), and the host serves them its page
    // public: the payer API's reference for payers' developers (the renderer is in this chunk only)
    {
      path: paths.payerApiReference,
      lazy: async () => ({
        Component: (await import('@/features/developers/components/payer-api-reference-page'))
          .PayerApiReferencePage,
      }),
      HydrateFallback: StartingApp,
      errorElement: <RouteErrorPage standalone />,
    },
    {
      Component: RequireSession,
      HydrateFallback: StartingApp,
      errorElement: <RouteErrorPage standalone />,
      children: [
        {
          path: paths.setPassword,
          lazy: async () => ({
            Component: (await import('@/features/auth/components/set-password-page')).SetPasswordPage,
          }),
          errorElement: <RouteErrorPage standalone />,
        },
        {
          element: (
            <RequirePasswordChosen>
              <AppLayout pages={pages} />
            </RequirePasswordChosen>
          ),
          // the clinic and roles every page's access rule and data depend on
          loader: async () => {
            await loaderViewer(queryClient);
            return null;
          },
          errorElement: <RouteErrorPage standalone />,
          children: pages,
        },
      ],
    },
  ];
}

/** Builds a page's route: its lazy code, its loader (access-checked prefetch), its handle and its error page. */
function pageRoute(queryClient: QueryClient) {
  return ({ path, index, lazy, prefetch, prefetchModule, access, nav, children }: PageSpec): RouteObject => {
    const loadCode = lazy ? async () => ({ Component: await lazy() }) : undefined;
    const loader = async ({ params }: { params: Params }) => {
      if (!prefetch) return null;
      const viewer = await loaderViewer(queryClient);
      // nothing is fetched for someone the page will refuse (the layout's guard says why)
      if (viewer === null || !mayOpen(access, viewer, params.staffId)) return null;
      try {
        await prefetch({ queryClient, viewer, params });
      } catch (error) {
        // an unreachable server is the route's to report; any other failure the page shows itself
        if (isNetworkFailure(error)) throw error;
      }
      return null;
    };
    const preload: Preload = async (params) => {
      await Promise.all([loadCode?.(), loader({ params })]);
    };
    const preloadCode: PreloadCode = async () => {
      await Promise.all([lazy?.(), prefetchModule?.()]);
    };
    const handle: RouteHandle & { preload: Preload; preloadCode: PreloadCode } = {
      access,
      nav,
      preload,
      preloadCode,
    };
    const common = { lazy: loadCode, loader, handle, errorElement: <RouteErrorPage /> };
    return index ? { ...common, index: true } : { ...common, path, children };
  };
}
