/**
 * What a public profile needs before it can be submitted: the one rule of the profile form's
 * completeness indicator and the home pages' "profile gaps", the same as the database's
 * `private.missing_profile_fields` (which Submit Profile enforces): every required text field
 * filled, About me at least 150 characters, every required list non-empty.
 */

/** The required fields, in the form's order. */
export const requiredProfileFields = [
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
] as const;

export type RequiredProfileField = (typeof requiredProfileFields)[number];

type RequiredListField =
  'specialties' | 'treatment_approaches' | 'ages_served' | 'session_formats' | 'languages';

/** A profile's required values as a form or a database row holds them (null or empty: not filled). */
export type ProfileRequiredValues = {
  [F in Exclude<RequiredProfileField, RequiredListField>]: string | null;
} & { [F in RequiredListField]: readonly string[] | null };

export const aboutMeMinimum = 150;

/** Postgres counts code points (char_length), so an emoji counts once here too. */
export const charCount = (text: string): number => [...text].length;

/** Whether `field` of `values` counts as filled in for submitting. */
export function isRequiredFieldFilled(values: ProfileRequiredValues, field: RequiredProfileField): boolean {
  const value = values[field];
  if (value === null) return false;
  if (typeof value !== 'string') return value.length > 0;
  return value.trim() !== '' && (field !== 'about_me' || charCount(value) >= aboutMeMinimum);
}

/** The required fields `values` lacks, in the form's order. */
export function missingRequiredProfileFields(values: ProfileRequiredValues): RequiredProfileField[] {
  return requiredProfileFields.filter((field) => !isRequiredFieldFilled(values, field));
}
