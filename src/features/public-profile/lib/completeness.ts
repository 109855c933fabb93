/** What a profile still lacks before it can be submitted: the completeness indicator's list. */
import {
  aboutMeMinimum,
  missingRequiredProfileFields,
  type RequiredProfileField,
} from '@/lib/profile-requirements';
import type { ProfileFormValues } from '../schemas';
import { profileFieldLabels } from './fields';

export interface MissingField {
  field: RequiredProfileField;
  label: string;
}

/**
 * The required fields not filled in yet, in form order, named as the form names them (the rule
 * is src/lib/profile-requirements.ts, the home pages' too). "About me" counts as missing until it
 * reaches the minimum length. Whether a filled value is valid is the schema's business; this
 * only says what is absent.
 */
export function missingRequiredFields(values: ProfileFormValues): MissingField[] {
  return missingRequiredProfileFields(values).map((field) => ({
    field,
    label:
      field === 'about_me'
        ? `${profileFieldLabels.about_me} (at least ${aboutMeMinimum} characters)`
        : profileFieldLabels[field],
  }));
}
