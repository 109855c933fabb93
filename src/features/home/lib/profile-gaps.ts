/**
 * What a public profile still lacks before it can be submitted, in the words of the profile form.
 * The same rule as the database's `private.missing_profile_fields` (which Submit Profile enforces):
 * every required text field filled, About me at least 150 characters, every required list non-empty.
 */
export interface ProfileRequiredValues {
  professional_title: string | null;
  license_type: string | null;
  license_state: string | null;
  license_number: string | null;
  about_me: string | null;
  specialties: readonly string[] | null;
  treatment_approaches: readonly string[] | null;
  ages_served: readonly string[] | null;
  session_formats: readonly string[] | null;
  languages: readonly string[] | null;
}

export const aboutMeMinimum = 150;

const filledText = (value: string | null) => value !== null && value.trim() !== '';
const filledList = (value: readonly string[] | null) => value !== null && value.length > 0;
// Postgres counts code points (char_length), so an emoji counts once here too
const charCount = (text: string) => [...text].length;

const requirements: readonly [label: string, isFilled: (p: ProfileRequiredValues) => boolean][] = [
  ['Professional title', (p) => filledText(p.professional_title)],
  ['License type', (p) => filledText(p.license_type)],
  ['License state', (p) => filledText(p.license_state)],
  ['License number', (p) => filledText(p.license_number)],
  [
    `About me (at least ${aboutMeMinimum} characters)`,
    (p) => p.about_me !== null && charCount(p.about_me) >= aboutMeMinimum,
  ],
  ['Specialties', (p) => filledList(p.specialties)],
  ['Treatment approaches', (p) => filledList(p.treatment_approaches)],
  ['Ages served', (p) => filledList(p.ages_served)],
  ['Session formats', (p) => filledList(p.session_formats)],
  ['Languages', (p) => filledList(p.languages)],
];

/** How many fields a profile must have to be submitted. */
export const requiredFieldCount = requirements.length;

/** The required fields `profile` is missing, in form order. */
export function missingProfileFields(profile: ProfileRequiredValues): string[] {
  return requirements.filter(([, isFilled]) => !isFilled(profile)).map(([label]) => label);
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
