/**
 * The profile's fields as people read them: labels in form order, the vocabulary of each list
 * field, and the field groups (shared with org admins, or the therapist's alone).
 */
import {
  profileDraftSchema,
  therapistOnlyFields,
  type ProfileField,
  type ProfileListField,
} from '../schemas';
import type { VocabularyKind } from '@/lib/profile-vocabulary';

/** Every editable field, in the order the form shows them. */
export const profileFieldOrder = Object.keys(profileDraftSchema.shape) as ProfileField[];

export const profileFieldLabels: Record<ProfileField, string> = {
  professional_title: 'Professional title / credentials',
  license_type: 'License type',
  license_state: 'License state',
  license_number: 'License number',
  about_me: 'About me',
  specialties: 'Specialties',
  treatment_approaches: 'Treatment approaches',
  ages_served: 'Ages served',
  session_formats: 'Session formats',
  languages: 'Languages',
  education: 'Education',
  years_in_practice: 'Years in practice',
  website: 'Website',
  pronouns: 'Pronouns',
  gender_identity: 'Gender identity',
  first_session_note: 'What to expect in a first session',
};

export const listFieldVocabulary: Record<ProfileListField, VocabularyKind> = {
  specialties: 'specialty',
  treatment_approaches: 'treatment_approach',
  ages_served: 'age_group',
  session_formats: 'session_format',
  languages: 'language',
};

const therapistOnly: readonly ProfileField[] = therapistOnlyFields;

export const isTherapistOnlyField = (field: ProfileField): boolean => therapistOnly.includes(field);

/** The fields an org admin edits as well as the therapist. */
export const sharedProfileFields: readonly ProfileField[] = profileFieldOrder.filter(
  (field) => !isTherapistOnlyField(field),
);
