/** Between the stored profile and the form: nulls become '' and numbers text, and back through the schemas. */
import type { ProfileField, ProfileFormValues, ProfileListField } from '../schemas';
import { profileListFields } from '../schemas';
import { profileFieldOrder } from './fields';

export type StoredProfileFields = {
  [K in ProfileField]: K extends ProfileListField
    ? string[]
    : K extends 'years_in_practice'
      ? number | null
      : string | null;
};

const isListField = (field: ProfileField): field is ProfileListField =>
  (profileListFields as readonly ProfileField[]).includes(field);

/** The form's values for a stored profile (or a blank form for missing fields). */
export function toFormValues(stored: Partial<StoredProfileFields>): ProfileFormValues {
  const values: Partial<Record<ProfileField, string | string[]>> = {};
  for (const field of profileFieldOrder) {
    const value = stored[field];
    if (isListField(field)) values[field] = Array.isArray(value) ? [...value] : [];
    else values[field] = value === null || value === undefined ? '' : String(value);
  }
  return values as ProfileFormValues;
}

export const emptyProfileForm: ProfileFormValues = toFormValues({});
