/** Test data made through the service role (the platform), for what the API would not let a persona create. */
import { randomUUID } from 'node:crypto';
import { orgs, serviceClient, testEnv } from './personas.ts';

export const payers = {
  aetna: 'b0a1e000-0000-4000-8000-000000000001',
  bcbsma: 'b0a1e000-0000-4000-8000-000000000002',
  cigna: 'b0a1e000-0000-4000-8000-000000000003',
  united: 'b0a1e000-0000-4000-8000-000000000004',
  harvardPilgrim: 'b0a1e000-0000-4000-8000-000000000005',
} as const;

const firstNames = ['Avery', 'Rowan', 'Elena', 'Tobias', 'Imani', 'Keiko', 'Mateo', 'Leah', 'Samir', 'Clara'];
const lastNames = ['Whitfield', 'Osei', 'Lindgren', 'Castillo', 'Nakamura', 'Abernathy', 'Delgado', 'Fairbanks'];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

/** A new active staff member (a therapist unless `roles` says otherwise) with no account. */
export async function createStaff(options: { org?: string; roles?: ('org_admin' | 'therapist' | 'scheduler')[]; isActive?: boolean } = {}) {
  const first = pick(firstNames);
  const last = pick(lastNames);
  const { data, error } = await serviceClient()
    .from('staff_members')
    .insert({
      org_id: options.org ?? orgs.harborview,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${randomUUID().slice(0, 8)}@harborviewcounseling.com`.toLowerCase(),
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

/** Fills and submits a therapist's public profile (Application Status: Completed). */
export async function completeProfile(staffId: string, org = orgs.harborview) {
  const { error } = await serviceClient()
    .from('public_profiles')
    .upsert({ staff_id: staffId, org_id: org, ...completeProfileFields, submitted_at: new Date().toISOString() });
  if (error) throw new Error(`completeProfile: ${error.message}`);
}

export interface InboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
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
