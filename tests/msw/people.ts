/**
 * The clinics and people of the demo seed (supabase/seed.sql) that component tests sign in as or
 * see listed, plus two accounts the seed lacks (a deactivated therapist, an account with no staff
 * record). Fixtures only: who may read what is the database's business, proven in tests/api.
 */
import type { StaffMembershipRow } from '@/lib/membership/get-staff-memberships';
import type { Tables } from '@/types/database.types';

export const demoPassword = 'referral-demo';

export const orgIds = {
  harborview: '0a9e0000-0000-4000-8000-000000000001',
  cedarRidge: '0a9e0000-0000-4000-8000-000000000002',
} as const;

export const organizations = {
  harborview: {
    id: orgIds.harborview,
    name: 'Harborview Counseling Collective',
    referral_program_enabled: true,
    time_zone: 'America/New_York',
  },
  cedarRidge: {
    id: orgIds.cedarRidge,
    name: 'Cedar Ridge Family Therapy',
    referral_program_enabled: false,
    time_zone: 'America/Chicago',
  },
} as const;

export const locations = {
  backBay: {
    id: '10ca0000-0000-4000-8000-000000000001',
    org_id: orgIds.harborview,
    name: 'Back Bay Office',
    city: 'Boston',
    state: 'MA',
    time_zone: 'America/New_York',
  },
  denver: {
    id: '10ca0000-0000-4000-8000-000000000002',
    org_id: orgIds.harborview,
    name: 'Denver Highlands Office',
    city: 'Denver',
    state: 'CO',
    time_zone: 'America/Denver',
  },
  oakPark: {
    id: '10ca0000-0000-4000-8000-000000000003',
    org_id: orgIds.cedarRidge,
    name: 'Oak Park Office',
    city: 'Oak Park',
    state: 'IL',
    time_zone: 'America/Chicago',
  },
} as const;

export const userId = (suffix: string) => `5e550000-0000-4000-8000-0000000000${suffix}`;
export const staffId = (suffix: string) => `57af0000-0000-4000-8000-0000000000${suffix}`;

type Clinic = keyof typeof organizations;
type Role = Tables<'staff_members'>['roles'][number];

export interface Person {
  userId: string;
  staffId: string;
  email: string;
  firstName: string;
  lastName: string;
  clinic: Clinic;
  roles: Role[];
  location: keyof typeof locations | null;
  npi: string | null;
  phone: string;
  isActive: boolean;
}

const emailDomains = { harborview: 'harborviewcounseling.com', cedarRidge: 'cedarridgetherapy.com' } as const;

/** A staff member and their account; the email is first.last at the clinic's domain. */
const person = (
  suffix: string,
  name: string,
  clinic: Clinic,
  location: Person['location'],
  npi: string | null,
  phone: string,
  roles: Role[] = ['therapist'],
  isActive = true,
): Person => {
  const [firstName = '', lastName = ''] = name.split(' ');
  return {
    userId: userId(suffix),
    staffId: staffId(suffix),
    email: `${firstName}.${lastName}@${emailDomains[clinic]}`.toLowerCase(),
    firstName,
    lastName,
    clinic,
    roles,
    location,
    npi,
    phone,
    isActive,
  };
};

export const people = {
  maya: person('01', 'Maya Okafor', 'harborview', 'backBay', null, '(617) 555-0142', ['org_admin']),
  luis: person('02', 'Luis Romero', 'harborview', 'backBay', null, '(617) 555-0143', ['scheduler']),
  priya: person('03', 'Priya Raman', 'harborview', 'backBay', '1578932046', '(617) 555-0151'),
  jordan: person('04', 'Jordan Ellis', 'harborview', 'backBay', '1346287590', '(617) 555-0152'),
  sofia: person('05', 'Sofia Marquez', 'harborview', 'denver', '1902846571', '(720) 555-0161'),
  daniel: person('06', 'Daniel Cho', 'harborview', null, '1285039467', '(720) 555-0162'),
  hannah: person('07', 'Hannah Whitaker', 'harborview', 'backBay', '1739502864', '(617) 555-0153'),
  marcus: person('08', 'Marcus Bell', 'harborview', 'denver', '1467308295', '(720) 555-0163'),
  grace: person('09', 'Grace Lindqvist', 'cedarRidge', 'oakPark', '1093746528', '(708) 555-0171', [
    'org_admin',
    'therapist',
  ]),
  omar: person('0a', 'Omar Haddad', 'cedarRidge', 'oakPark', '1620495837', '(708) 555-0172'),
  // not in the seed: a deactivated therapist
  ruth: person(
    '0b',
    'Ruth Adler',
    'harborview',
    'backBay',
    '1555501234',
    '(617) 555-0190',
    ['therapist'],
    false,
  ),
} as const;

export type PersonName = keyof typeof people;

/** Not in the seed: an account no clinic has a staff record for. */
export const unlinkedAccount = { userId: userId('ff'), email: 'nobody@example.com' } as const;

/** The people tests sign in as, by what they do. */
export const personas = {
  /** Harborview org admin (program enabled) */
  admin: people.maya,
  /** Harborview scheduler */
  scheduler: people.luis,
  /** Harborview therapist */
  therapist: people.priya,
  /** Cedar Ridge admin and therapist (program not enabled) */
  cedarAdmin: people.grace,
  /** Harborview therapist whose staff record is deactivated */
  deactivated: people.ruth,
  /** An account with no staff record at all */
  unlinked: { ...unlinkedAccount, staffId: null },
} as const;

export type PersonaName = keyof typeof personas;

/** Every account that can sign in, by email. */
export const accounts: { userId: string; email: string }[] = [...Object.values(people), unlinkedAccount];

/**
 * What the app's own-records query answers for `userIdOfCaller`: their staff record with its clinic
 * (none for an account without one; a deactivated record no longer reads its clinic).
 */
export function membershipsOf(userIdOfCaller: string): StaffMembershipRow[] {
  return Object.values(people)
    .filter((p) => p.userId === userIdOfCaller)
    .map((p) => ({
      id: p.staffId,
      org_id: organizations[p.clinic].id,
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      roles: p.roles,
      is_active: p.isActive,
      organization: p.isActive ? organizations[p.clinic] : null,
    }));
}

/** A staff record as the staff list, its Details page and the Schedule's therapists ask for it. */
export function staffRow(p: Person) {
  const location = p.location === null ? null : locations[p.location];
  return {
    id: p.staffId,
    org_id: organizations[p.clinic].id,
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email,
    roles: p.roles,
    npi: p.npi,
    office_phone: p.phone,
    photo_url: null,
    is_active: p.isActive,
    updated_at: '2026-03-08T07:00:00+00:00',
    default_location_id: location?.id ?? null,
    default_location: location && { name: location.name, city: location.city, state: location.state },
  };
}
