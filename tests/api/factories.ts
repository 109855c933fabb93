/** Test data made through the service role (the platform), for what the API would not let a persona create. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { insertAccount, serviceClient, testEnv, withDb, type Personas } from './personas.ts';

const firstNames = ['Avery', 'Rowan', 'Elena', 'Tobias', 'Imani', 'Keiko', 'Mateo', 'Leah', 'Samir', 'Clara'];
const lastNames = [
  'Whitfield',
  'Osei',
  'Lindgren',
  'Castillo',
  'Nakamura',
  'Abernathy',
  'Delgado',
  'Fairbanks',
];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

/** A new active staff member of `org` (a therapist unless `roles` says otherwise) with no account. */
export async function createStaff(options: {
  org: string;
  roles?: ('org_admin' | 'therapist' | 'scheduler')[];
  isActive?: boolean;
}) {
  const first = pick(firstNames);
  const last = pick(lastNames);
  const { data, error } = await serviceClient()
    .from('staff_members')
    .insert({
      org_id: options.org,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${randomUUID().slice(0, 8)}@example.org`.toLowerCase(),
      roles: options.roles ?? ['therapist'],
      is_active: options.isActive ?? true,
    })
    .select()
    .single();
  if (error) throw new Error(`createStaff: ${error.message}`);
  return data;
}

/** Every required field of a public profile, filled in. */
export const completeProfileFields = {
  professional_title: 'LMHC',
  license_type: 'lmhc',
  license_state: 'MA',
  license_number: 'MH-20931',
  about_me:
    'I work with adults navigating anxiety, life transitions and relationship stress. Sessions are collaborative and ' +
    'focused on practical skills, with room to understand the patterns that keep you stuck.',
  specialties: ['anxiety', 'life_transitions'],
  treatment_approaches: ['cbt'],
  ages_served: ['adults'],
  session_formats: ['telehealth'],
  languages: ['en'],
};

/** A new API key for `payer` (shown once, as the platform creates it); rate limit high enough not to interfere. */
export async function newPayerKey(payer: string, rateLimitPerMinute = 100_000): Promise<string> {
  const { data, error } = await serviceClient().rpc('create_payer_api_key', {
    payer,
    label: `test ${randomUUID()}`,
    rate_limit_per_minute: rateLimitPerMinute,
  });
  if (error) throw error;
  return data as string;
}

/** Fills and submits a therapist's public profile (Application Status: Completed). */
export async function completeProfile(staffId: string, org: string) {
  const { error } = await serviceClient()
    .from('public_profiles')
    .upsert({
      staff_id: staffId,
      org_id: org,
      ...completeProfileFields,
      submitted_at: new Date().toISOString(),
    });
  if (error) throw new Error(`completeProfile: ${error.message}`);
}

export interface InboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** as the email function sent them: content in base64 */
  attachments?: { filename: string; content: string; content_type: string }[];
}

/** Waits for an email to `to` in the dev inbox (the local scheduler sends every second). */
export async function waitForEmail(to: string, timeoutMs = 15_000): Promise<InboxMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${testEnv().inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as InboxMessage[];
    if (messages[0]) return messages[0];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} within ${timeoutMs} ms`);
}

/**
 * A new active staff member (as createStaff) with a confirmed sign-in account (password
 * `testAccountPassword`) linked to the record.
 */
export async function createStaffAccount(options: Parameters<typeof createStaff>[0]) {
  const staff = await createStaff(options);
  const userId = await withDb(async (db) => {
    const id = await insertAccount(db, staff.email, `${staff.first_name} ${staff.last_name}`);
    await db.query('update public.staff_members set user_id = $1 where id = $2', [id, staff.id]);
    return id;
  });
  return { ...staff, user_id: userId };
}

/**
 * A therapist of `personas.clinic` with an account who is listed: enrolled for `payer`, profile
 * Completed, with external availability every day 08:00–12:00 at the clinic's office.
 */
export async function createListedTherapist(personas: Personas, payer = personas.payers.aetna) {
  const staff = await createStaffAccount({ org: personas.clinic.id });
  const service = serviceClient();
  // enrolling is an org admin's action (the service role holds no grant on the payer check)
  const admin = await personas.signedInAs('orgAdmin');
  const { error } = await admin.rpc('enroll_staff', { staff_id: staff.id, payer_ids: [payer] });
  await admin.auth.signOut({ scope: 'local' });
  if (error) throw new Error(`createListedTherapist: ${error.message}`);
  await completeProfile(staff.id, personas.clinic.id);
  const { error: blockError } = await service.from('availability_blocks').insert({
    org_id: personas.clinic.id,
    staff_id: staff.id,
    location_id: personas.clinic.locationId,
    valid_from: new Date().toISOString().slice(0, 10),
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    start_time: '08:00',
    end_time: '12:00',
    accept_external: true,
  });
  if (blockError) throw new Error(`createListedTherapist: ${blockError.message}`);
  return staff;
}

/**
 * A pending payer request for `therapistId` of `personas.clinic`, written as the platform (the
 * intake path is tested elsewhere). `daysAhead` keeps tests' slots apart.
 */
export async function insertPendingRequest(
  personas: Personas,
  therapistId: string,
  options: { payer?: string; daysAhead?: number } = {},
) {
  const start = new Date(Date.now() + (options.daysAhead ?? 30) * 86_400_000);
  start.setUTCHours(14, 0, 0, 0);
  const email = `client.${randomUUID().slice(0, 8)}@example.org`;
  const { data, error } = await serviceClient()
    .from('referral_requests')
    .insert({
      org_id: personas.clinic.id,
      therapist_id: therapistId,
      location_id: personas.clinic.locationId,
      slot: `[${start.toISOString()},${new Date(start.getTime() + 3_600_000).toISOString()})`,
      source: 'payer',
      payer_id: options.payer ?? personas.payers.aetna,
      first_name: 'Elena',
      last_name: 'Castillo',
      email,
      phone: '617-555-0188',
      date_of_birth: '1991-04-12',
      member_id: 'W2849301',
      note: 'CANARY-panic attacks',
      expires_at: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      idempotency_key: randomUUID(),
    })
    .select('id')
    .single();
  if (error) throw new Error(`insertPendingRequest: ${error.message}`);
  return { id: data.id, email, slotStart: start };
}

/**
 * A clinic of its own (program on) in `zone`, with one office in that zone and one therapist
 * enrolled for `payer` with a Completed profile: listed, with no availability yet.
 */
export async function insertClinicWithTherapist(
  db: pg.Client,
  options: { slug: string; payer: string; zone?: string },
) {
  const { slug, payer, zone = 'America/New_York' } = options;
  const {
    rows: [org],
  } = await db.query(
    `insert into public.organizations (name, slug, time_zone, referral_program_enabled) values ($1, $2, $3, true) returning id`,
    [`Clinic ${slug}`, slug, zone],
  );
  const {
    rows: [location],
  } = await db.query(
    `insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
     values ($1, 'Main Office', '1 Main Street', 'Springfield', 'MA', '01101', $2) returning id`,
    [org.id, zone],
  );
  const {
    rows: [staff],
  } = await db.query(
    `insert into public.staff_members (org_id, first_name, last_name, email, roles, default_location_id)
     values ($1, 'Avery', 'Lindgren', $2, '{therapist}', $3) returning id`,
    [org.id, `avery.${slug}@example.org`, location.id],
  );
  await db.query(`select public.enroll_staff($1, array[$2]::uuid[])`, [staff.id, payer]);
  await db.query(
    `insert into public.public_profiles (staff_id, org_id, professional_title, license_type, license_state, license_number, about_me,
       specialties, treatment_approaches, ages_served, session_formats, languages, submitted_at)
     values ($1, $2, 'LMHC', 'lmhc', 'MA', 'MH-1', repeat('a', 150), '{anxiety}', '{cbt}', '{adults}', '{telehealth}', '{en}', now())`,
    [staff.id, org.id],
  );
  return { orgId: org.id as string, staffId: staff.id as string, locationId: location.id as string };
}

/** A valid payer request body for `therapistId`, for a slot three days ahead (tests then break one field). */
export const payerRequestBody = (therapistId: string) => ({
  therapist_id: therapistId,
  slot_start: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  first_name: 'Elena',
  last_name: 'Castillo',
  email: 'elena.castillo@example.org',
  phone: '(617) 555-0188',
  date_of_birth: '1991-04-12',
  member_id: 'W2849301',
});
