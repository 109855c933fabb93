/**
 * The backend's rows for component tests: the demo seed's clinics and people (supabase/seed.sql),
 * plus two accounts the seed lacks (a deactivated staff member, an account with no staff record).
 * Tests may change them; `resetData()` puts them back after each test.
 */
import type { Tables } from '@/types/database.types';

export const demoPassword = 'referral-demo';

const created = '2026-01-05T15:00:00+00:00';

export const orgIds = {
  harborview: '0a9e0000-0000-4000-8000-000000000001',
  cedarRidge: '0a9e0000-0000-4000-8000-000000000002',
} as const;

const organizations: Tables<'organizations'>[] = [
  {
    id: orgIds.harborview,
    name: 'Harborview Counseling Collective',
    slug: 'harborview',
    time_zone: 'America/New_York',
    referral_program_enabled: true,
    session_length_minutes: 60,
    min_notice_hours: 24,
    booking_horizon_days: 60,
    created_at: created,
    updated_at: created,
  },
  {
    id: orgIds.cedarRidge,
    name: 'Cedar Ridge Family Therapy',
    slug: 'cedar-ridge',
    time_zone: 'America/Chicago',
    referral_program_enabled: false,
    session_length_minutes: 60,
    min_notice_hours: 24,
    booking_horizon_days: 60,
    created_at: created,
    updated_at: created,
  },
];

const location = (
  id: string,
  org_id: string,
  name: string,
  city: string,
  state: string,
  time_zone: string,
): Tables<'locations'> => ({
  id,
  org_id,
  name,
  address_line: '1 Main Street',
  city,
  state,
  postal_code: '02116',
  time_zone,
  created_at: created,
  updated_at: created,
});

const locations: Tables<'locations'>[] = [
  location(
    '10ca0000-0000-4000-8000-000000000001',
    orgIds.harborview,
    'Back Bay Office',
    'Boston',
    'MA',
    'America/New_York',
  ),
  location(
    '10ca0000-0000-4000-8000-000000000002',
    orgIds.harborview,
    'Denver Highlands Office',
    'Denver',
    'CO',
    'America/Denver',
  ),
  location(
    '10ca0000-0000-4000-8000-000000000003',
    orgIds.cedarRidge,
    'Oak Park Office',
    'Oak Park',
    'IL',
    'America/Chicago',
  ),
];

type Person = [
  suffix: string,
  email: string,
  first: string,
  last: string,
  org: string,
  location: string | null,
  roles: Tables<'staff_members'>['roles'],
  npi: string | null,
  phone: string,
  isActive?: boolean,
];

const people: Person[] = [
  [
    '01',
    'maya.okafor@harborviewcounseling.com',
    'Maya',
    'Okafor',
    orgIds.harborview,
    '1',
    ['org_admin'],
    null,
    '(617) 555-0142',
  ],
  [
    '02',
    'luis.romero@harborviewcounseling.com',
    'Luis',
    'Romero',
    orgIds.harborview,
    '1',
    ['scheduler'],
    null,
    '(617) 555-0143',
  ],
  [
    '03',
    'priya.raman@harborviewcounseling.com',
    'Priya',
    'Raman',
    orgIds.harborview,
    '1',
    ['therapist'],
    '1578932046',
    '(617) 555-0151',
  ],
  [
    '04',
    'jordan.ellis@harborviewcounseling.com',
    'Jordan',
    'Ellis',
    orgIds.harborview,
    '1',
    ['therapist'],
    '1346287590',
    '(617) 555-0152',
  ],
  [
    '05',
    'sofia.marquez@harborviewcounseling.com',
    'Sofia',
    'Marquez',
    orgIds.harborview,
    '2',
    ['therapist'],
    '1902846571',
    '(720) 555-0161',
  ],
  [
    '06',
    'daniel.cho@harborviewcounseling.com',
    'Daniel',
    'Cho',
    orgIds.harborview,
    null,
    ['therapist'],
    '1285039467',
    '(720) 555-0162',
  ],
  [
    '07',
    'hannah.whitaker@harborviewcounseling.com',
    'Hannah',
    'Whitaker',
    orgIds.harborview,
    '1',
    ['therapist'],
    '1739502864',
    '(617) 555-0153',
  ],
  [
    '08',
    'marcus.bell@harborviewcounseling.com',
    'Marcus',
    'Bell',
    orgIds.harborview,
    '2',
    ['therapist'],
    '1467308295',
    '(720) 555-0163',
  ],
  [
    '09',
    'grace.lindqvist@cedarridgetherapy.com',
    'Grace',
    'Lindqvist',
    orgIds.cedarRidge,
    '3',
    ['org_admin', 'therapist'],
    '1093746528',
    '(708) 555-0171',
  ],
  [
    '0a',
    'omar.haddad@cedarridgetherapy.com',
    'Omar',
    'Haddad',
    orgIds.cedarRidge,
    '3',
    ['therapist'],
    '1620495837',
    '(708) 555-0172',
  ],
  // not in the seed: a deactivated therapist
  [
    '0b',
    'ruth.adler@harborviewcounseling.com',
    'Ruth',
    'Adler',
    orgIds.harborview,
    '1',
    ['therapist'],
    '1555501234',
    '(617) 555-0190',
    false,
  ],
];

export const userId = (suffix: string) => `5e550000-0000-4000-8000-0000000000${suffix}`;
export const staffId = (suffix: string) => `57af0000-0000-4000-8000-0000000000${suffix}`;

function initialStaff(): Tables<'staff_members'>[] {
  return people.map(
    ([suffix, email, first_name, last_name, org_id, loc, roles, npi, office_phone, isActive]) => ({
      id: staffId(suffix),
      org_id,
      user_id: userId(suffix),
      first_name,
      last_name,
      email,
      npi,
      office_phone,
      default_location_id: loc === null ? null : `10ca0000-0000-4000-8000-00000000000${loc}`,
      photo_url: null,
      roles,
      is_active: isActive ?? true,
      created_at: created,
      updated_at: '2026-03-08T07:00:00+00:00',
      // generated by the database: lower(last_name || ', ' || first_name)
      search_name: `${last_name}, ${first_name}`.toLowerCase(),
    }),
  );
}

export interface AuthUser {
  id: string;
  email: string;
  password: string;
}

function initialUsers(): AuthUser[] {
  return [
    ...people.map(([suffix, email]) => ({ id: userId(suffix), email, password: demoPassword })),
    // not in the seed: an account no clinic has a staff record for
    { id: userId('ff'), email: 'nobody@example.com', password: demoPassword },
  ];
}

export const db = {
  organizations,
  locations,
  staff_members: initialStaff(),
  users: initialUsers(),
};

export function resetData(): void {
  db.staff_members = initialStaff();
  db.users = initialUsers();
}

/** The people tests sign in as. */
export const personas = {
  /** Harborview org admin (program enabled) */
  admin: { email: 'maya.okafor@harborviewcounseling.com', staffId: staffId('01') },
  /** Harborview scheduler */
  scheduler: { email: 'luis.romero@harborviewcounseling.com', staffId: staffId('02') },
  /** Harborview therapist */
  therapist: { email: 'priya.raman@harborviewcounseling.com', staffId: staffId('03') },
  /** Cedar Ridge admin and therapist (program not enabled) */
  cedarAdmin: { email: 'grace.lindqvist@cedarridgetherapy.com', staffId: staffId('09') },
  /** Harborview therapist whose staff record is deactivated */
  deactivated: { email: 'ruth.adler@harborviewcounseling.com', staffId: staffId('0b') },
  /** An account with no staff record at all */
  unlinked: { email: 'nobody@example.com', staffId: null },
} as const;

export type PersonaName = keyof typeof personas;
