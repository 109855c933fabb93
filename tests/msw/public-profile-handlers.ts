/**
 * PostgREST at the network edge for the Public Profile: the public_profile_details view, writes to
 * public_profiles and the submit_public_profile rpc, with the rules of
 * supabase/migrations/20261128000400_public_profile_fields.sql: who reads and writes (RLS), the
 * column grants, the therapist-only trigger, the CHECK that keeps a submitted profile complete,
 * and the rpc's refusals with the database's own messages. Every write is logged for tests.
 */
import { http, HttpResponse } from 'msw';
import type { Enums, Tables } from '@/types/database.types';
import { userIdFromBearer } from './auth-handlers';
import { db, orgIds, staffId } from './data';
import { testSupabaseUrl } from './env';

const rest = `${testSupabaseUrl}/rest/v1`;

type Profile = Tables<'public_profiles'>;
type Row = Record<string, unknown>;
interface Enrollment {
  staff_id: string;
  org_id: string;
  status: Enums<'enrollment_status'>;
}

const editableColumns = [
  'professional_title',
  'license_type',
  'license_state',
  'license_number',
  'about_me',
  'specialties',
  'treatment_approaches',
  'ages_served',
  'session_formats',
  'languages',
  'education',
  'years_in_practice',
  'website',
  'pronouns',
  'gender_identity',
  'first_session_note',
] as const;
const therapistOnly = ['pronouns', 'gender_identity', 'first_session_note'] as const;
const profileColumns = [
  'staff_id',
  'org_id',
  ...editableColumns,
  'submitted_at',
  'updated_by',
  'created_at',
  'updated_at',
];

export const priyaAbout =
  'I help adults and young adults who feel stuck in cycles of worry, low mood or burnout. My approach is warm and ' +
  'practical: we will get clear on what matters to you, learn skills you can use between sessions, and track ' +
  'progress together.';

function blankProfile(staff: string, org: string): Profile {
  return {
    staff_id: staff,
    org_id: org,
    professional_title: null,
    license_type: null,
    license_state: null,
    license_number: null,
    about_me: null,
    specialties: [],
    treatment_approaches: [],
    ages_served: [],
    session_formats: [],
    languages: [],
    education: null,
    years_in_practice: null,
    website: null,
    pronouns: null,
    gender_identity: null,
    first_session_note: null,
    submitted_at: null,
    updated_by: null,
    created_at: '2026-03-01T15:00:00+00:00',
    updated_at: '2026-03-01T15:00:00+00:00',
  };
}

/** As the demo seed has them: Priya submitted, Jordan a draft, Sofia enrolled without a profile; the rest not enrolled. */
function initialProfiles(): Profile[] {
  return [
    {
      ...blankProfile(staffId('03'), orgIds.harborview),
      professional_title: 'PhD, Licensed Psychologist',
      license_type: 'psychologist',
      license_state: 'MA',
      license_number: 'PSY-10482',
      about_me: priyaAbout,
      specialties: ['anxiety', 'depression', 'work_career', 'life_transitions'],
      treatment_approaches: ['cbt', 'act', 'mindfulness_based'],
      ages_served: ['young_adults', 'adults'],
      session_formats: ['in_person', 'telehealth'],
      languages: ['en', 'hi'],
      education: 'PhD in Clinical Psychology, Boston University',
      years_in_practice: 12,
      website: 'https://harborviewcounseling.com/team/priya-raman',
      pronouns: 'she/her',
      first_session_note: 'We will talk about what brings you in and whether we are a good fit.',
      submitted_at: '2026-03-05T14:30:00+00:00',
    },
    {
      ...blankProfile(staffId('04'), orgIds.harborview),
      professional_title: 'LCSW',
      license_type: 'lcsw',
      license_state: 'MA',
      specialties: ['trauma_ptsd', 'grief_loss'],
      languages: ['en', 'es'],
    },
  ];
}

function initialEnrollments(): Enrollment[] {
  return ['03', '04', '05'].map((suffix) => ({
    staff_id: staffId(suffix),
    org_id: orgIds.harborview,
    status: 'active' as const,
  }));
}

export const profileDb = { profiles: initialProfiles(), enrollments: initialEnrollments() };

/** Every write the backend received, accepted or not: what tests inspect. */
export const profileLog = {
  writes: [] as { kind: 'insert' | 'update' | 'submit'; staffId: string | null; body: Row }[],
};

export function resetProfileData(): void {
  profileDb.profiles = initialProfiles();
  profileDb.enrollments = initialEnrollments();
  profileLog.writes = [];
}

const postgrestError = (status: number, code: string, message: string, hint: string | null = null) =>
  HttpResponse.json({ code, details: null, hint, message }, { status });

/** The caller's active staff records (one per clinic). */
function viewerRecords(userId: string | null) {
  return db.staff_members.filter((s) => userId !== null && s.user_id === userId && s.is_active);
}

const hasRole = (userId: string | null, orgId: string, ...roles: string[]) =>
  viewerRecords(userId).some((s) => s.org_id === orgId && s.roles.some((r) => roles.includes(r)));

const isOwn = (userId: string | null, staff: string) => viewerRecords(userId).some((s) => s.id === staff);

/** private.can_edit_profile: the therapist themself, or an org admin of their clinic. */
function canEditProfile(userId: string | null, staff: string, org: string): boolean {
  const target = db.staff_members.find((s) => s.id === staff && s.org_id === org);
  if (!target || !target.roles.includes('therapist')) return false;
  return isOwn(userId, staff) || hasRole(userId, org, 'org_admin');
}

/** The profile's RLS read policy: admins and schedulers of the clinic, or the therapist. */
const canReadProfile = (userId: string | null, staff: string, org: string) =>
  hasRole(userId, org, 'org_admin', 'scheduler') || isOwn(userId, staff);

function detailsRow(staff: Tables<'staff_members'>, userId: string | null): Row {
  const location = db.locations.find((l) => l.org_id === staff.org_id && l.id === staff.default_location_id);
  const readable = canReadProfile(userId, staff.id, staff.org_id);
  const profile = readable ? profileDb.profiles.find((p) => p.staff_id === staff.id) : undefined;
  const enrollment = readable ? profileDb.enrollments.find((e) => e.staff_id === staff.id) : undefined;
  const row: Row = {
    staff_id: staff.id,
    org_id: staff.org_id,
    first_name: staff.first_name,
    last_name: staff.last_name,
    email: staff.email,
    npi: staff.npi,
    office_phone: staff.office_phone,
    photo_url: staff.photo_url,
    default_location_name: location?.name ?? null,
    default_location_city: location?.city ?? null,
    default_location_state: location?.state ?? null,
    enrollment_status: enrollment?.status ?? null,
    submitted_at: profile?.submitted_at ?? null,
    updated_at: profile?.updated_at ?? null,
  };
  for (const column of editableColumns) {
    const value = profile?.[column] ?? null;
    row[column] = Array.isArray(blankProfile('', '')[column]) ? (value ?? []) : value;
  }
  return row;
}

/** `eq` filters only, like the rest of the test backend; anything else is a test-backend gap, said loudly. */
function filterRows(
  rows: Row[],
  params: URLSearchParams,
  columns: readonly string[],
  table: string,
): Row[] | Response {
  let result = rows;
  for (const [column, filter] of params) {
    if (['select', 'order', 'limit', 'offset', 'columns'].includes(column)) continue;
    const match = /^eq\.(.*)$/.exec(filter);
    if (!match)
      return postgrestError(
        400,
        'PGRST100',
        `the test backend only supports eq filters, got ${column}=${filter}`,
      );
    if (!columns.includes(column))
      return postgrestError(400, '42703', `column ${table}.${column} does not exist`);
    result = result.filter((row) => String(row[column]) === match[1]);
  }
  return result;
}

function selectColumns(
  rows: Row[],
  select: string | null,
  columns: readonly string[],
  table: string,
): Row[] | Response {
  const wanted = (select ?? '*').split(',').map((c) => c.trim());
  const unknown = wanted.find((c) => c !== '*' && !columns.includes(c));
  if (unknown) return postgrestError(400, '42703', `column ${table}.${unknown} does not exist`);
  return rows.map((row) =>
    wanted.includes('*') ? { ...row } : Object.fromEntries(wanted.map((c) => [c, row[c]])),
  );
}

/** Column grants: what `authenticated` may write, and PostgREST's answer to a column the table lacks. */
function checkColumns(body: Row, granted: readonly string[]): Response | null {
  for (const key of Object.keys(body)) {
    if (!profileColumns.includes(key)) {
      return postgrestError(
        400,
        'PGRST204',
        `Could not find the '${key}' column of 'public_profiles' in the schema cache`,
      );
    }
    if (!granted.includes(key))
      return postgrestError(403, '42501', 'permission denied for table public_profiles');
  }
  return null;
}

const therapistOnlyRefusal = () =>
  postgrestError(
    403,
    '42501',
    'Only the therapist can edit pronouns, gender identity and the first-session note.',
    'therapist_only_field',
  );

const missingFields = (p: Profile) =>
  [
    p.professional_title === null && 'Professional title',
    p.license_type === null && 'License type',
    p.license_state === null && 'License state',
    p.license_number === null && 'License number',
    [...(p.about_me ?? '')].length < 150 && 'About me (150 characters or more)',
    p.specialties.length === 0 && 'Specialties',
    p.treatment_approaches.length === 0 && 'Treatment approaches',
    p.ages_served.length === 0 && 'Ages served',
    p.session_formats.length === 0 && 'Session formats',
    p.languages.length === 0 && 'Languages',
  ].filter((name): name is string => typeof name === 'string');

const completeWhenSubmitted = (p: Profile) =>
  p.submitted_at === null || missingFields(p).length === 0
    ? null
    : postgrestError(
        400,
        '23514',
        'new row for relation "public_profiles" violates check constraint "public_profiles_complete_when_submitted"',
      );

export const publicProfileHandlers = [
  http.get(`${rest}/public_profile_details`, ({ request }) => {
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for view public_profile_details');
    const params = new URL(request.url).searchParams;
    const memberOrgs = new Set(viewerRecords(userId).map((s) => s.org_id));
    const rows = db.staff_members
      .filter((s) => s.roles.includes('therapist') && (memberOrgs.has(s.org_id) || s.user_id === userId))
      .map((s) => detailsRow(s, userId));
    const columns = Object.keys(detailsRow(db.staff_members[0]!, null));
    const filtered = filterRows(rows, params, columns, 'public_profile_details');
    if (filtered instanceof Response) return filtered;
    const selected = selectColumns(filtered, params.get('select'), columns, 'public_profile_details');
    if (selected instanceof Response) return selected;
    return HttpResponse.json(selected);
  }),

  http.post(`${rest}/public_profiles`, async ({ request }) => {
    const userId = userIdFromBearer(request);
    const body = (await request.json()) as Row;
    profileLog.writes.push({
      kind: 'insert',
      staffId: typeof body.staff_id === 'string' ? body.staff_id : null,
      body,
    });
    if (userId === null) return postgrestError(401, '42501', 'permission denied for table public_profiles');
    const refused = checkColumns(body, ['staff_id', 'org_id', ...editableColumns]);
    if (refused) return refused;
    const staff = String(body.staff_id);
    const org = String(body.org_id);
    if (!canEditProfile(userId, staff, org)) {
      return postgrestError(
        403,
        '42501',
        'new row violates row-level security policy for table "public_profiles"',
      );
    }
    if (!isOwn(userId, staff) && therapistOnly.some((c) => body[c] !== undefined && body[c] !== null))
      return therapistOnlyRefusal();
    if (profileDb.profiles.some((p) => p.staff_id === staff)) {
      return HttpResponse.json(
        {
          code: '23505',
          details: `Key (staff_id)=(${staff}) already exists.`,
          hint: null,
          message: 'duplicate key value violates unique constraint "public_profiles_pkey"',
        },
        { status: 409 },
      );
    }
    const now = new Date().toISOString();
    profileDb.profiles.push({
      ...blankProfile(staff, org),
      ...(body as Partial<Profile>),
      updated_by: userId,
      created_at: now,
      updated_at: now,
    });
    return new HttpResponse(null, { status: 201 });
  }),

  http.patch(`${rest}/public_profiles`, async ({ request }) => {
    const userId = userIdFromBearer(request);
    const params = new URL(request.url).searchParams;
    const body = (await request.json()) as Row;
    profileLog.writes.push({
      kind: 'update',
      staffId: params.get('staff_id')?.replace(/^eq\./, '') ?? null,
      body,
    });
    if (userId === null) return postgrestError(401, '42501', 'permission denied for table public_profiles');
    const refused = checkColumns(body, editableColumns);
    if (refused) return refused;
    const visible = profileDb.profiles.filter(
      (p) => canReadProfile(userId, p.staff_id, p.org_id) && canEditProfile(userId, p.staff_id, p.org_id),
    );
    const matched = filterRows(visible as unknown as Row[], params, profileColumns, 'public_profiles');
    if (matched instanceof Response) return matched;
    const updated: Profile[] = [];
    for (const row of matched as unknown as Profile[]) {
      const next: Profile = {
        ...row,
        ...(body as Partial<Profile>),
        updated_by: userId,
        updated_at: new Date().toISOString(),
      };
      if (!isOwn(userId, row.staff_id) && therapistOnly.some((c) => next[c] !== row[c]))
        return therapistOnlyRefusal();
      const violation = completeWhenSubmitted(next);
      if (violation) return violation;
      updated.push(next);
    }
    for (const next of updated)
      profileDb.profiles = profileDb.profiles.map((p) => (p.staff_id === next.staff_id ? next : p));
    const selected = selectColumns(
      updated as unknown as Row[],
      params.get('select'),
      profileColumns,
      'public_profiles',
    );
    if (selected instanceof Response) return selected;
    return params.has('select') ? HttpResponse.json(selected) : new HttpResponse(null, { status: 204 });
  }),

  http.post(`${rest}/rpc/submit_public_profile`, async ({ request }) => {
    const userId = userIdFromBearer(request);
    const body = (await request.json()) as { staff_id?: string };
    profileLog.writes.push({ kind: 'submit', staffId: body.staff_id ?? null, body });
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for function submit_public_profile');
    const staff = db.staff_members.find((s) => s.id === body.staff_id);
    if (!staff || !canEditProfile(userId, staff.id, staff.org_id)) {
      return postgrestError(
        403,
        '42501',
        'Only the therapist or an org admin of their clinic can submit this profile.',
        'not_allowed',
      );
    }
    if (!profileDb.enrollments.some((e) => e.staff_id === staff.id && e.status === 'active')) {
      return postgrestError(
        400,
        'P0001',
        'Only therapists enrolled in the Client Referral Program can submit a profile; an admin needs to add the therapist to the program.',
        'not_enrolled',
      );
    }
    const profile = profileDb.profiles.find((p) => p.staff_id === staff.id);
    if (!profile) return postgrestError(409, 'PT409', 'Save the profile before submitting it.', 'no_profile');
    const missing = missingFields(profile);
    if (missing.length > 0) {
      return postgrestError(
        400,
        '23514',
        `Complete these fields before submitting: ${missing.join(', ')}.`,
        'missing_fields',
      );
    }
    profile.submitted_at ??= new Date().toISOString();
    return HttpResponse.json(profile.submitted_at);
  }),
];
