/** A therapist's place in the program as their home page reports it: pure rules over their profile row. */
import { missingProfileFields, type ProfileRequiredValues } from './profile-gaps';

export interface ProfileStatusInput extends ProfileRequiredValues {
  /** null: not enrolled in the Client Referral Program */
  enrollment_status: 'active' | 'deactivated' | null;
  /** null: never submitted (Application Status Incomplete) */
  submitted_at: string | null;
}

export type ProfileStatus =
  | { kind: 'notEnrolled' }
  | { kind: 'deactivated' }
  | { kind: 'complete'; submittedAt: string }
  /** every required field is filled, but the profile was not submitted */
  | { kind: 'readyToSubmit' }
  | { kind: 'incomplete'; missing: string[] };

export function profileStatus(profile: ProfileStatusInput | null): ProfileStatus {
  if (profile === null || profile.enrollment_status === null) return { kind: 'notEnrolled' };
  if (profile.enrollment_status === 'deactivated') return { kind: 'deactivated' };
  if (profile.submitted_at !== null) return { kind: 'complete', submittedAt: profile.submitted_at };
  const missing = missingProfileFields(profile);
  return missing.length === 0 ? { kind: 'readyToSubmit' } : { kind: 'incomplete', missing };
}

/** Payers and the client portal list a therapist only while enrolled, active and Completed. */
export const isListed = (status: ProfileStatus): boolean => status.kind === 'complete';
