import { queryOptions, useQuery } from '@tanstack/react-query';
import { isUuid } from '@/lib/ids';
import { supabase } from '@/lib/supabase';
import type { Enums } from '@/types/database.types';
import type { StoredProfileFields } from '../lib/form-values';
import { publicProfileKeys } from '../keys';

// one literal, so supabase-js types the row from it
const columns =
  'staff_id, org_id, first_name, last_name, email, npi, office_phone, photo_url, default_location_name, default_location_city, default_location_state, enrollment_status, professional_title, license_type, license_state, license_number, about_me, specialties, treatment_approaches, ages_served, session_formats, languages, education, years_in_practice, website, pronouns, gender_identity, first_session_note, submitted_at, updated_at';

/** A therapist's public profile: the read-only fields from the staff record, the editable fields, and its state. */
export interface PublicProfileDetails extends StoredProfileFields {
  staff_id: string;
  org_id: string;
  first_name: string;
  last_name: string;
  email: string;
  npi: string | null;
  office_phone: string | null;
  photo_url: string | null;
  default_location: { name: string; city: string | null; state: string | null } | null;
  /** null: not enrolled in the Client Referral Program */
  enrollment_status: Enums<'enrollment_status'> | null;
  /** null: not submitted (Application Status Incomplete) */
  submitted_at: string | null;
  /** false until the first save creates the profile row */
  saved: boolean;
}

/**
 * The profile of one therapist of the organization (public_profile_details: the staff record's
 * read-only fields joined, never copied), or null when the clinic has no therapist by that id.
 */
export async function getPublicProfile(
  orgId: string,
  staffId: string,
  signal?: AbortSignal,
): Promise<PublicProfileDetails | null> {
  if (!isUuid(staffId)) return null;
  const query = supabase
    .from('public_profile_details')
    .select(columns)
    .eq('org_id', orgId)
    .eq('staff_id', staffId);
  const { data: row, error } = await (signal ? query.abortSignal(signal) : query).maybeSingle();
  if (error) throw error;
  if (row === null) return null;
  // a view: the type generator makes every column nullable; staff_id, org_id, names and email are not
  return {
    staff_id: row.staff_id ?? staffId,
    org_id: row.org_id ?? orgId,
    first_name: row.first_name ?? '',
    last_name: row.last_name ?? '',
    email: row.email ?? '',
    npi: row.npi,
    office_phone: row.office_phone,
    photo_url: row.photo_url,
    default_location:
      row.default_location_name === null
        ? null
        : {
            name: row.default_location_name,
            city: row.default_location_city,
            state: row.default_location_state,
          },
    enrollment_status: row.enrollment_status,
    professional_title: row.professional_title,
    license_type: row.license_type,
    license_state: row.license_state,
    license_number: row.license_number,
    about_me: row.about_me,
    specialties: row.specialties ?? [],
    treatment_approaches: row.treatment_approaches ?? [],
    ages_served: row.ages_served ?? [],
    session_formats: row.session_formats ?? [],
    languages: row.languages ?? [],
    education: row.education,
    years_in_practice: row.years_in_practice,
    website: row.website,
    pronouns: row.pronouns,
    gender_identity: row.gender_identity,
    first_session_note: row.first_session_note,
    submitted_at: row.submitted_at,
    // updated_at is the profile row's: null until the first save creates it
    saved: row.updated_at !== null,
  };
}

export const publicProfileQueryOptions = (orgId: string, staffId: string) =>
  queryOptions({
    queryKey: publicProfileKeys.detail(orgId, staffId),
    queryFn: ({ signal }) => getPublicProfile(orgId, staffId, signal),
  });

export function usePublicProfile(orgId: string, staffId: string) {
  return useQuery(publicProfileQueryOptions(orgId, staffId));
}
