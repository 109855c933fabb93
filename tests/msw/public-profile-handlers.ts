/**
 * The Public Profile's reads and writes for one test: public_profile_details rows built from the
 * people of people.ts and the profiles below, saves (insert, update) and Submit Profile merged into
 * them so the page's refetch shows them, and every write kept for the test to look at. The
 * database's own checks (who may write which column, complete when submitted) are proven in tests/api.
 */
import { http, HttpResponse } from 'msw';
import type { Enums, Tables } from '@/types/database.types';
import { bodyOf, eqValue, restUrl, rows } from './rest';
import { locations, organizations, people, type PersonName } from './people';
import { priyaProfileFields } from './profile-rows';
import { server } from './server';

type Editable = Omit<Tables<'public_profiles'>, 'staff_id' | 'org_id' | 'updated_by' | 'created_at'>;

export interface ProfileState {
  enrollment_status: Enums<'enrollment_status'> | null;
  /** null: no profile saved yet */
  profile: Editable | null;
}

const blank: Editable = {
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
  updated_at: '2026-03-01T15:00:00+00:00',
};

export const priyaProfile: Editable = {
  ...blank,
  ...priyaProfileFields(),
  license_type: 'psychologist',
  license_state: 'MA',
  license_number: 'PSY-10482',
  submitted_at: '2026-03-05T14:30:00+00:00',
};

/** As the demo seed has them: Priya submitted, Jordan a draft, Sofia enrolled without a profile; the rest not enrolled. */
function seedProfiles(): Partial<Record<PersonName, ProfileState>> {
  return {
    priya: { enrollment_status: 'active', profile: { ...priyaProfile } },
    jordan: {
      enrollment_status: 'active',
      profile: {
        ...blank,
        professional_title: 'LCSW',
        license_type: 'lcsw',
        license_state: 'MA',
        specialties: ['trauma_ptsd', 'grief_loss'],
        languages: ['en', 'es'],
      },
    },
    sofia: { enrollment_status: 'active', profile: null },
  };
}

export interface ProfileWrite {
  kind: 'insert' | 'update' | 'submit';
  staffId: string | null;
  body: Record<string, unknown>;
}

/** Serves the profiles of the demo seed for this test; returns them (change them before rendering) and the writes. */
export function serveProfiles() {
  const profiles = seedProfiles();
  const writes: ProfileWrite[] = [];
  const personOf = (staffId: string | null) =>
    (Object.keys(people) as PersonName[]).find((name) => people[name].staffId === staffId);
  const stateOf = (name: PersonName) => (profiles[name] ??= { enrollment_status: null, profile: null });

  function detailsRow(name: PersonName) {
    const p = people[name];
    const { profile, enrollment_status } = stateOf(name);
    const location = p.location === null ? null : locations[p.location];
    return {
      ...(profile ?? { ...blank, updated_at: null }),
      staff_id: p.staffId,
      org_id: organizations[p.clinic].id,
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      npi: p.npi,
      office_phone: p.phone,
      photo_url: null,
      default_location_name: location?.name ?? null,
      default_location_city: location?.city ?? null,
      default_location_state: location?.state ?? null,
      enrollment_status,
    };
  }

  function save(staffId: string | null, changes: Record<string, unknown>) {
    const name = personOf(staffId);
    if (!name) return;
    const state = stateOf(name);
    state.profile = { ...(state.profile ?? blank), ...changes, updated_at: new Date().toISOString() };
  }

  server.use(
    http.get(restUrl('public_profile_details'), ({ request }) => {
      const name = personOf(eqValue(request, 'staff_id'));
      // the view lists therapists only
      const listed = name && people[name].roles.includes('therapist') ? [detailsRow(name)] : [];
      return rows(request, listed);
    }),
    http.post(restUrl('public_profiles'), async ({ request }) => {
      const body = await bodyOf(request);
      const { staff_id: staffId, ...changes } = body;
      writes.push({ kind: 'insert', staffId: String(staffId), body });
      // org_id is the clinic's and stays out of the profile's fields
      delete changes.org_id;
      save(String(staffId), changes);
      return new HttpResponse(null, { status: 201 });
    }),
    http.patch(restUrl('public_profiles'), async ({ request }) => {
      const body = await bodyOf(request);
      const staffId = eqValue(request, 'staff_id');
      writes.push({ kind: 'update', staffId, body });
      save(staffId, body);
      return HttpResponse.json([{ staff_id: staffId }]);
    }),
    http.post(restUrl('rpc/submit_public_profile'), async ({ request }) => {
      const body = await bodyOf<{ staff_id: string }>(request);
      writes.push({ kind: 'submit', staffId: body.staff_id, body });
      const submittedAt = new Date().toISOString();
      save(body.staff_id, { submitted_at: submittedAt });
      return HttpResponse.json(submittedAt);
    }),
  );
  return { profiles, writes };
}
