/**
 * The app's pages as lazily loaded chunks, and what each navigation item leads to. The routes load
 * a page when it is first opened; once the app is idle, the code of the pages a person's own
 * navigation offers is fetched ahead; and when they point at, focus or click an item, the data
 * its page opens on is fetched too, so the page does not wait for its code and then its data.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createElement, lazy, useCallback, useEffect, type ComponentType } from 'react';
import { prefetchProgramGrid } from '@/features/referral-program/api/prefetch-program-grid';
import { prefetchCalendar, prefetchCalendarLists } from '@/features/schedule/api/prefetch-calendar';
import type { NavGroup, NavItem, Viewer } from '@/lib/access/roles';

const pageLoaders = {
  setPassword: () => import('@/features/auth/components/set-password-page'),
  home: () => import('@/features/home/components/home-page'),
  manageSubscription: () => import('@/features/organization/components/manage-subscription-layout'),
  referralProgram: () => import('@/features/referral-program/components/referral-program-tab'),
  activeStaff: () => import('@/features/staff/components/active-staff-page'),
  staffDetails: () => import('@/features/staff/components/staff-details-layout'),
  staffOverview: () => import('@/features/staff/components/staff-overview-tab'),
  publicProfile: () => import('@/features/public-profile/components/public-profile-tab'),
  clientPortal: () => import('@/features/client-portal/components/client-portal-page'),
  clientPortalVerify: () => import('@/features/client-portal/components/verify-request-page'),
  scheduleCalendar: () => import('@/features/schedule/components/schedule-calendar-page'),
  unconfirmedAppointments: () =>
    import('@/features/unconfirmed-appointments/components/unconfirmed-appointments-page'),
} as const;

type PageChunk = keyof typeof pageLoaders;
type ModuleOf<K extends PageChunk> = Awaited<ReturnType<(typeof pageLoaders)[K]>>;

/** The page modules loaded so far, by chunk. */
const loadedModules = new Map<PageChunk, unknown>();

/** Loads a page's chunk (once: the browser keeps the module) and remembers it as loaded. */
export const loadPage = Object.fromEntries(
  Object.entries(pageLoaders).map(([key, load]) => [
    key,
    () =>
      load().then((module) => {
        loadedModules.set(key as PageChunk, module);
        return module;
      }),
  ]),
) as { [K in PageChunk]: () => Promise<ModuleOf<K>> };

/**
 * A route's page from its chunk: lazily loaded the first time, and rendered at once when its code
 * is in already (preloaded while idle, or opened before). A React.lazy page suspends on its first
 * render even then, and React reveals what a Suspense boundary held back no sooner than 300 ms
 * after its fallback showed: an opened page would wait that long for nothing.
 */
export function lazyPage<K extends PageChunk, P extends object>(
  chunk: K,
  pick: (module: ModuleOf<K>) => ComponentType<P>,
): ComponentType<P> {
  const Lazy = lazy(() => loadPage[chunk]().then((module) => ({ default: pick(module) })));
  function Page(props: P) {
    const module = loadedModules.get(chunk) as ModuleOf<K> | undefined;
    return createElement(module ? pick(module) : Lazy, props);
  }
  Page.displayName = `Page(${chunk})`;
  return Page;
}

/** What opening each navigation item renders (a layout and its first tab load together). */
const chunksOf: Record<NavItem['id'], readonly PageChunk[]> = {
  manageSubscription: ['manageSubscription', 'referralProgram'],
  activeStaff: ['activeStaff'],
  myProfile: ['staffDetails', 'staffOverview'],
  scheduleCalendar: ['scheduleCalendar'],
  unconfirmedAppointments: ['unconfirmedAppointments'],
};

/** Fetches the code of the page an item opens; a failure is the route's to report if the page is opened. */
function loadCodeOf(id: NavItem['id']): void {
  for (const chunk of chunksOf[id]) loadPage[chunk]().catch(() => {});
}

export interface PageContext extends Viewer {
  orgId: string;
  programEnabled: boolean;
}

/**
 * Once the browser is idle, fetches the code of every page in `groups`, and the clinic's lists the
 * calendar opens with (no client data is fetched ahead of being asked for).
 */
export function usePreloadPages(groups: readonly NavGroup[], { orgId }: Pick<PageContext, 'orgId'>): void {
  const queryClient = useQueryClient();
  const ids = groups.flatMap((group) => group.items.map((item) => item.id)).join(' ');
  useEffect(() => {
    const preload = () => {
      const items = ids.split(' ').filter(Boolean) as NavItem['id'][];
      for (const id of items) loadCodeOf(id);
      if (items.includes('scheduleCalendar')) prefetchCalendarLists(queryClient, orgId).catch(() => {});
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(preload, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(preload, 200);
    return () => clearTimeout(timer);
  }, [ids, queryClient, orgId]);
}

/** Fetches, for a navigation item about to be opened, its page's code and the data it opens on. */
export function usePageIntent(context: PageContext): (id: NavItem['id']) => void {
  const queryClient = useQueryClient();
  const { orgId, programEnabled, staffId, roles } = context;
  return useCallback(
    (id) => {
      loadCodeOf(id);
      // a failed prefetch is not an error: the page asks again when it opens
      if (id === 'manageSubscription' && programEnabled) prefetchProgramGrid(queryClient, orgId);
      if (id === 'scheduleCalendar') prefetchCalendar(queryClient, orgId, { staffId, roles }).catch(() => {});
    },
    [queryClient, orgId, programEnabled, staffId, roles],
  );
}
