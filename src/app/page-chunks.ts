/**
 * The app's pages as lazily loaded chunks, and what each navigation item leads to. The routes load
 * a page when it is first opened; once the app is idle, the code of the pages a person's own
 * navigation offers is fetched ahead; and when they point at, focus or click an item, the data
 * its page opens on is fetched too, so the page does not wait for its code and then its data.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { prefetchProgramGrid } from '@/features/referral-program/api/prefetch-program-grid';
import { prefetchCalendar } from '@/features/schedule/api/prefetch-calendar';
import type { NavGroup, NavItem, Viewer } from '@/lib/access/roles';

export const loadPage = {
  setPassword: () => import('@/features/auth/components/set-password-page'),
  home: () => import('@/features/home/components/home-page'),
  manageSubscription: () => import('@/features/organization/components/manage-subscription-layout'),
  referralProgram: () => import('@/features/referral-program/components/referral-program-tab'),
  activeStaff: () => import('@/features/staff/components/active-staff-page'),
  staffDetails: () => import('@/features/staff/components/staff-details-layout'),
  staffOverview: () => import('@/features/staff/components/staff-overview-tab'),
  publicProfile: () => import('@/features/public-profile/components/public-profile-tab'),
  clientPortal: () => import('@/features/client-portal/components/client-portal-page'),
  scheduleCalendar: () => import('@/features/schedule/components/schedule-calendar-page'),
  unconfirmedAppointments: () => import('@/features/unconfirmed-requests/components/unconfirmed-requests-page'),
} as const;

/** What opening each navigation item renders (a layout and its first tab load together). */
const chunksOf: Record<NavItem['id'], readonly (keyof typeof loadPage)[]> = {
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

/** Once the browser is idle, fetches the code of every page in `groups`. */
export function usePreloadPages(groups: readonly NavGroup[]): void {
  const ids = groups.flatMap((group) => group.items.map((item) => item.id)).join(' ');
  useEffect(() => {
    const preload = () => {
      for (const id of ids.split(' ').filter(Boolean) as NavItem['id'][]) loadCodeOf(id);
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(preload, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(preload, 200);
    return () => clearTimeout(timer);
  }, [ids]);
}

export interface PageContext extends Viewer {
  orgId: string;
  programEnabled: boolean;
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
