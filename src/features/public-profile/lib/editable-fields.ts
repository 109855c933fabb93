/**
 * Who edits which profile fields, and when Submit Profile is offered: pure rules the components
 * only read (architecture §5.5). The database enforces the same (RLS, column grants, a trigger).
 */
import type { StaffRole } from '@/lib/access/roles';
import type { Enums } from '@/types/database.types';
import type { ProfileDraft, ProfileField } from '../schemas';
import { profileFieldOrder, sharedProfileFields } from './fields';

/**
 * The fields `roles` may edit on a therapist's profile: the therapist their own, every field;
 * an org admin any therapist's of the clinic, the shared fields only; anyone else (schedulers,
 * colleagues) none. Roles add up: an admin who is also a therapist edits all of their own.
 */
export function editableProfileFields(
  roles: readonly StaffRole[],
  isOwnProfile: boolean,
): readonly ProfileField[] {
  if (isOwnProfile && roles.includes('therapist')) return profileFieldOrder;
  if (roles.includes('org_admin')) return sharedProfileFields;
  return [];
}

export type SubmitState =
  /** Enrolled, active, not submitted yet: Submit Profile is offered. */
  | 'available'
  /** Already submitted (Application Status: Completed); saving keeps it complete. */
  | 'submitted'
  /** Not in the program: an admin needs to add the therapist first. */
  | 'not-enrolled'
  /** The enrollment was deactivated, which is permanent. */
  | 'deactivated'
  /** The viewer may not edit this profile, so cannot submit it either. */
  | 'not-allowed';

/** Whether Submit Profile is offered, and if not, why. */
export function submitState(profile: {
  enrollment_status: Enums<'enrollment_status'> | null;
  submitted_at: string | null;
  canEdit: boolean;
}): SubmitState {
  if (!profile.canEdit) return 'not-allowed';
  if (profile.submitted_at !== null) return 'submitted';
  if (profile.enrollment_status === 'deactivated') return 'deactivated';
  if (profile.enrollment_status !== 'active') return 'not-enrolled';
  return 'available';
}

/** The part of a validated profile the viewer may write: only their editable fields' keys are sent. */
export function writableChanges(
  draft: ProfileDraft,
  editable: readonly ProfileField[],
): Partial<ProfileDraft> {
  const changes: Partial<Record<ProfileField, unknown>> = {};
  for (const field of editable) changes[field] = draft[field];
  return changes as Partial<ProfileDraft>;
}
