/**
 * A profile's gaps as the home pages list them: the required fields it lacks (the rule of
 * src/lib/profile-requirements.ts, the profile form's too), named shortly for a list row.
 */
import {
  aboutMeMinimum,
  missingRequiredProfileFields,
  requiredProfileFields,
  type ProfileRequiredValues,
  type RequiredProfileField,
} from '@/lib/profile-requirements';

export type { ProfileRequiredValues };

const gapLabels: Record<RequiredProfileField, string> = {
  professional_title: 'Professional title',
  license_type: 'License type',
  license_state: 'License state',
  license_number: 'License number',
  about_me: `About me (at least ${aboutMeMinimum} characters)`,
  specialties: 'Specialties',
  treatment_approaches: 'Treatment approaches',
  ages_served: 'Ages served',
  session_formats: 'Session formats',
  languages: 'Languages',
};

/** How many fields a profile must have to be submitted. */
export const requiredFieldCount = requiredProfileFields.length;

/** The required fields `profile` is missing, in form order, named for a list row. */
export function missingProfileFields(profile: ProfileRequiredValues): string[] {
  return missingRequiredProfileFields(profile).map((field) => gapLabels[field]);
}

/** "Professional title, License type and 3 more": a short summary for a list row. */
export function summarizeMissing(missing: readonly string[], shown = 3): string {
  if (missing.length === 0) return '';
  if (missing.length <= shown) return joinWithAnd(missing);
  return `${missing.slice(0, shown).join(', ')} and ${missing.length - shown} more`;
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
