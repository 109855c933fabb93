import { describe, expect, it } from 'vitest';
import { paths } from './paths';
import {
  activeNavItem,
  canAccess,
  describeRoles,
  navigationFor,
  unconfirmedAppointmentsScope,
  type AppRoute,
  type StaffRole,
  type Viewer,
} from './roles';

const me = 'aaaaaaaa-0000-4000-8000-000000000001';
const someoneElse = 'bbbbbbbb-0000-4000-8000-000000000002';
const viewer = (...roles: StaffRole[]): Viewer => ({ staffId: me, roles });

const admin = viewer('org_admin');
const scheduler = viewer('scheduler');
const therapist = viewer('therapist');
const adminTherapist = viewer('org_admin', 'therapist');

/** "Group › Item" labels of the navigation, in order. */
const navLabels = (v: Viewer) =>
  navigationFor(v).flatMap((group) => group.items.map((item) => `${group.label} › ${item.label}`));

describe('navigationFor', () => {
  it('org admins: Manage Subscription, Active Staff Members, Calendar, Unconfirmed Appointments', () => {
    expect(navLabels(admin)).toEqual([
      'Organization › Manage Subscription',
      'Staff › Active Staff Members',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
  });

  it('schedulers: Active Staff Members, Calendar and Unconfirmed Appointments, no Organization', () => {
    expect(navLabels(scheduler)).toEqual([
      'Staff › Active Staff Members',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
  });

  it('therapists: their own profile, Calendar and Unconfirmed Appointments', () => {
    expect(navLabels(therapist)).toEqual([
      'Staff › My Profile',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
    const myProfile = navigationFor(therapist)[0]?.items[0];
    expect(myProfile?.to).toBe(paths.staffDetails(me));
  });

  it('a person with several roles gets the union', () => {
    expect(navLabels(adminTherapist)).toEqual([
      'Organization › Manage Subscription',
      'Staff › Active Staff Members',
      'Staff › My Profile',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
  });

  it('shows nothing to someone with no role', () => {
    expect(navigationFor(viewer())).toEqual([]);
  });

  it('every item it shows is a route the viewer may open', () => {
    const routeOf: Record<string, AppRoute> = {
      manageSubscription: 'manageSubscription',
      activeStaff: 'activeStaff',
      myProfile: 'staffDetails',
      scheduleCalendar: 'scheduleCalendar',
      unconfirmedAppointments: 'unconfirmedAppointments',
    };
    for (const v of [admin, scheduler, therapist, adminTherapist]) {
      for (const item of navigationFor(v).flatMap((g) => g.items)) {
        expect(canAccess(routeOf[item.id] as AppRoute, v, me), `${item.id} for ${v.roles.join('+')}`).toBe(
          true,
        );
      }
    }
  });
});

describe('canAccess', () => {
  const table: [AppRoute, Viewer, string | undefined, boolean][] = [
    ['manageSubscription', admin, undefined, true],
    ['manageSubscription', scheduler, undefined, false],
    ['manageSubscription', therapist, undefined, false],
    ['referralProgram', admin, undefined, true],
    ['referralProgram', scheduler, undefined, false],
    ['referralProgram', therapist, undefined, false],
    ['activeStaff', admin, undefined, true],
    ['activeStaff', scheduler, undefined, true],
    ['activeStaff', therapist, undefined, false],
    ['staffDetails', admin, someoneElse, true],
    ['staffDetails', scheduler, someoneElse, true],
    ['staffDetails', therapist, me, true],
    ['staffDetails', therapist, someoneElse, false],
    ['staffDetails', therapist, undefined, false],
    ['staffPublicProfile', admin, someoneElse, true],
    ['staffPublicProfile', therapist, me, true],
    ['staffPublicProfile', therapist, someoneElse, false],
    ['scheduleCalendar', admin, undefined, true],
    ['scheduleCalendar', scheduler, undefined, true],
    ['scheduleCalendar', therapist, undefined, true],
    ['scheduleCalendar', viewer(), undefined, false],
    ['unconfirmedAppointments', admin, undefined, true],
    ['unconfirmedAppointments', scheduler, undefined, true],
    ['unconfirmedAppointments', therapist, undefined, true],
    ['home', therapist, undefined, true],
    ['unconfirmedAppointments', viewer(), undefined, false],
    ['home', viewer(), undefined, false],
  ];
  it.each(table)('%s for %o (target %s) → %s', (route, v, target, expected) => {
    expect(canAccess(route, v, target)).toBe(expected);
  });
});

describe('activeNavItem', () => {
  it('marks the item of the current page, the most specific one winning', () => {
    const groups = navigationFor(adminTherapist);
    expect(activeNavItem('/staff', groups)).toBe('activeStaff');
    expect(activeNavItem(`/staff/${someoneElse}`, groups)).toBe('activeStaff');
    expect(activeNavItem(`/staff/${me}/public-profile`, groups)).toBe('myProfile');
    expect(activeNavItem('/organization/subscription/referral-program', groups)).toBe('manageSubscription');
    expect(activeNavItem('/schedule/calendar', groups)).toBe('scheduleCalendar');
    expect(activeNavItem('/schedule/unconfirmed-appointments', groups)).toBe('unconfirmedAppointments');
    expect(activeNavItem('/staffing', groups)).toBeNull();
    expect(activeNavItem('/', groups)).toBeNull();
  });
});

describe('unconfirmedAppointmentsScope', () => {
  it('admins and schedulers work the organization’s queue; therapists see their own', () => {
    expect(unconfirmedAppointmentsScope(admin)).toBe('organization');
    expect(unconfirmedAppointmentsScope(scheduler)).toBe('organization');
    expect(unconfirmedAppointmentsScope(therapist)).toBe('own');
    expect(unconfirmedAppointmentsScope(viewer())).toBeNull();
  });
});

describe('describeRoles', () => {
  it('lists roles in a stable order', () => {
    expect(describeRoles(['therapist', 'org_admin'])).toBe('Org admin, Therapist');
    expect(describeRoles(['scheduler'])).toBe('Scheduler');
  });
});
