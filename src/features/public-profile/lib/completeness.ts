/** What a profile still lacks before it can be submitted: the completeness indicator's list. */
import { charCount, profileLimits, requiredProfileFields, type ProfileFormValues } from '../schemas';
import { profileFieldLabels } from './fields';

export interface MissingField {
  field: (typeof requiredProfileFields)[number];
  label: string;
}

function isFilled(values: ProfileFormValues, field: MissingField['field']): boolean {
  const value = values[field];
  if (Array.isArray(value)) return value.length > 0;
  if (field === 'about_me') return value.trim() !== '' && charCount(value) >= profileLimits.aboutMin;
  return value.trim() !== '';
}

/**
 * The required fields not filled in yet, in form order, named as the form names them. "About me"
 * counts as missing until it reaches the minimum length. Whether a filled value is valid is the
 * schema's business; this only says what is absent.
 */
export function missingRequiredFields(values: ProfileFormValues): MissingField[] {
  return requiredProfileFields
    .filter((field) => !isFilled(values, field))
    .map((field) => ({
      field,
      label:
        field === 'about_me'
          ? `${profileFieldLabels.about_me} (at least ${profileLimits.aboutMin} characters)`
          : profileFieldLabels[field],
    }));
}
