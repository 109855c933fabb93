/**
 * Who may open what: pure rules over a staff member's roles (architecture §5.5).
 * The navigation shows only what `canAccess` allows, and every route checks it again.
 */
import type { Enums } from '@/types/database.types';
import { paths } from './paths';

export type StaffRole = Enums<'staff_role'>;

export const roleLabels: Record<StaffRole, string> = {
  org_admin: 'Org admin',
  therapist: 'Therapist',
  scheduler: 'Scheduler',
};

/** Roles in a stable order, as labels: "Org admin, Therapist". */
export function describeRoles(roles: readonly StaffRole[]): string {
  return (Object.keys(roleLabels) as StaffRole[])
    .filter((role) => roles.includes(role))
    .map((role) => roleLabels[role])
    .join(', ');
}

export type AppRoute =
  | 'home'
  | 'manageSubscription'
  | 'referralProgram'
  | 'activeStaff'
  | 'staffDetails'
  | 'staffPublicProfile'
  | 'scheduleCalendar'
  | 'unconfirmedAppointments';

export interface Viewer {
  staffId: string;
  roles: readonly StaffRole[];
}

const has = (viewer: Viewer, ...wanted: StaffRole[]) => wanted.some((role) => viewer.roles.includes(role));

/**
 * Whether `viewer` may open `route`. For a staff member's pages, `targetStaffId` is whose page it is:
 * org admins and schedulers open anyone's, a therapist only their own.
 */
export function canAccess(route: AppRoute, viewer: Viewer, targetStaffId?: string): boolean {
  switch (route) {
    case 'home':
      return viewer.roles.length > 0;
    case 'manageSubscription':
    case 'referralProgram':
      return has(viewer, 'org_admin');
    case 'activeStaff':
      return has(viewer, 'org_admin', 'scheduler');
    case 'staffDetails':
    case 'staffPublicProfile':
      return (
        has(viewer, 'org_admin', 'scheduler') ||
        (has(viewer, 'therapist') && targetStaffId === viewer.staffId)
      );
    case 'scheduleCalendar':
    case 'unconfirmedAppointments':
      return has(viewer, 'org_admin', 'scheduler', 'therapist');
  }
}

export interface NavItem {
  id: 'manageSubscription' | 'activeStaff' | 'myProfile' | 'scheduleCalendar' | 'unconfirmedAppointments';
  label: string;
  to: string;
}

export interface NavGroup {
  label: 'Organization' | 'Staff' | 'Schedule';
  items: NavItem[];
}

/** The navigation `viewer` sees: only what they may open, empty groups left out. */
export function navigationFor(viewer: Viewer): NavGroup[] {
  const groups: NavGroup[] = [
    {
      label: 'Organization',
      items: canAccess('manageSubscription', viewer)
        ? [{ id: 'manageSubscription', label: 'Manage Subscription', to: paths.manageSubscription }]
        : [],
    },
    {
      label: 'Staff',
      items: [
        ...(canAccess('activeStaff', viewer)
          ? [{ id: 'activeStaff', label: 'Active Staff Members', to: paths.activeStaff } as const]
          : []),
        // Therapists reach their own Details and Public Profile here.
        ...(has(viewer, 'therapist')
          ? [{ id: 'myProfile', label: 'My Profile', to: paths.staffDetails(viewer.staffId) } as const]
          : []),
      ],
    },
    {
      label: 'Schedule',
      items: [
        ...(canAccess('scheduleCalendar', viewer)
          ? [{ id: 'scheduleCalendar', label: 'Calendar', to: paths.scheduleCalendar } as const]
          : []),
        ...(canAccess('unconfirmedAppointments', viewer)
          ? [
              {
                id: 'unconfirmedAppointments',
                label: 'Unconfirmed Appointments',
                to: paths.unconfirmedAppointments,
              } as const,
            ]
          : []),
      ],
    },
  ];
  return groups.filter((group) => group.items.length > 0);
}

/**
 * Whose referral requests the Unconfirmed Appointments tab lists: org admins and schedulers work the
 * whole organization's queue, a therapist sees their own.
 */
export function unconfirmedAppointmentsScope(viewer: Viewer): 'organization' | 'own' | null {
  if (has(viewer, 'org_admin', 'scheduler')) return 'organization';
  if (has(viewer, 'therapist')) return 'own';
  return null;
}

/** The nav item for `pathname`: the one whose path is the longest prefix of it (so My Profile wins over Active Staff Members on your own page). */
export function activeNavItem(pathname: string, groups: readonly NavGroup[]): NavItem['id'] | null {
  let best: NavItem | null = null;
  for (const item of groups.flatMap((group) => group.items)) {
    const matches = pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (matches && (best === null || item.to.length > best.to.length)) best = item;
  }
  return best?.id ?? null;
}
