/**
 * What the route table derives: each role's navigation (and a clinic without the program's), and
 * who may open each address, read from the same table the router runs.
 */
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { activeNavItem, navigationFrom, routeHandle } from '@/lib/access/navigation';
import { paths } from '@/lib/access/paths';
import { refusal, type AccessContext, type AccessRefusal, type StaffRole } from '@/lib/access/roles';
import { createTestQueryClient } from '../../tests/render';
import { signedInPages } from './route-table';

const me = 'aaaaaaaa-0000-4000-8000-000000000001';
const someoneElse = 'bbbbbbbb-0000-4000-8000-000000000002';
const pages = signedInPages(createTestQueryClient());
const viewer = (roles: StaffRole[], programEnabled = true): AccessContext => ({
  staffId: me,
  roles,
  programEnabled,
});

const admin = viewer(['org_admin']);
const scheduler = viewer(['scheduler']);
const therapist = viewer(['therapist']);
const adminTherapist = viewer(['org_admin', 'therapist']);

/** "Group › Item" labels of the navigation, in order. */
const navLabels = (v: AccessContext) =>
  navigationFrom(pages, v).flatMap((group) => group.items.map((item) => `${group.label} › ${item.label}`));

/** How the table answers `viewer` at `address`: the first refusal among the matched routes. */
function answer(address: string, v: AccessContext): AccessRefusal | 'not found' {
  const matches = matchRoutes(pages, address) ?? [];
  if (matches.at(-1)?.route.path === '*') return 'not found';
  for (const match of matches) {
    const { access } = routeHandle(match.route);
    const refused = access ? refusal(access, v, match.params.staffId) : null;
    if (refused) return refused;
  }
  return null;
}

describe('the navigation derived from the route table', () => {
  it('org admins: Manage Subscription, Active Staff Members, Calendar, Unconfirmed Appointments', () => {
    expect(navLabels(admin)).toEqual([
      'Organization › Manage Subscription',
      'Staff › Active Staff Members',
      'Staff › Notification Settings',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
  });

  it('schedulers: Active Staff Members, Calendar and Unconfirmed Appointments, no Organization', () => {
    expect(navLabels(scheduler)).toEqual([
      'Staff › Active Staff Members',
      'Staff › Notification Settings',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
  });

  it('therapists: their own profile, Calendar and Unconfirmed Appointments', () => {
    expect(navLabels(therapist)).toEqual([
      'Staff › My Profile',
      'Staff › Notification Settings',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
    expect(navigationFrom(pages, therapist)[0]?.items[0]?.to).toBe(paths.staffDetails(me));
  });

  it('a person with several roles gets the union', () => {
    expect(navLabels(adminTherapist)).toEqual([
      'Organization › Manage Subscription',
      'Staff › Active Staff Members',
      'Staff › My Profile',
      'Staff › Notification Settings',
      'Schedule › Calendar',
      'Schedule › Unconfirmed Appointments',
    ]);
  });

  it('a clinic without the program gets no program-only item', () => {
    expect(navLabels(viewer(['org_admin', 'therapist'], false))).toEqual([
      'Organization › Manage Subscription',
      'Staff › Active Staff Members',
      'Staff › My Profile',
      'Staff › Notification Settings',
      'Schedule › Calendar',
    ]);
    expect(navLabels(viewer(['scheduler'], false))).toEqual([
      'Staff › Active Staff Members',
      'Staff › Notification Settings',
      'Schedule › Calendar',
    ]);
  });

  it('shows nothing to someone with no role', () => {
    expect(navigationFrom(pages, viewer([]))).toEqual([]);
  });

  it('every item it shows is an address the table lets the viewer open', () => {
    for (const v of [admin, scheduler, therapist, adminTherapist, viewer(['scheduler'], false)]) {
      for (const item of navigationFrom(pages, v).flatMap((g) => g.items)) {
        expect(answer(item.to, v), `${item.id} for ${v.roles.join('+')}`).toBeNull();
      }
    }
  });

  it('marks the item of the current page, the most specific one winning', () => {
    const groups = navigationFrom(pages, adminTherapist);
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

describe('who may open each address', () => {
  const table: [string, AccessContext, AccessRefusal | 'not found'][] = [
    [paths.manageSubscription, admin, null],
    [paths.manageSubscription, scheduler, 'role'],
    [paths.referralProgram, admin, null],
    [paths.referralProgram, therapist, 'role'],
    [paths.activeStaff, scheduler, null],
    [paths.activeStaff, therapist, 'role'],
    [paths.staffDetails(someoneElse), admin, null],
    [paths.staffDetails(someoneElse), scheduler, null],
    [paths.staffDetails(me), therapist, null],
    [paths.staffDetails(someoneElse), therapist, 'role'],
    [paths.staffPublicProfile(me), therapist, null],
    [paths.staffPublicProfile(someoneElse), therapist, 'role'],
    [paths.staffPublicProfile(someoneElse), admin, null],
    [paths.scheduleCalendar, therapist, null],
    [paths.scheduleCalendar, viewer([]), 'role'],
    [paths.scheduleCalendar, viewer(['scheduler'], false), null],
    [paths.unconfirmedAppointments, scheduler, null],
    [paths.unconfirmedAppointments, therapist, null],
    [paths.unconfirmedAppointments, viewer(['scheduler'], false), 'program'],
    [paths.unconfirmedAppointments, viewer([]), 'role'],
    [paths.home, therapist, null],
    [paths.home, viewer([]), 'role'],
    ['/no-such-page', admin, 'not found'],
  ];
  it.each(table)('%s for %o → %s', (address, v, expected) => {
    expect(answer(address, v)).toBe(expected);
  });
});
