/** Stored profile values as people read them: vocabulary labels instead of keys. */
import type { ProfileField, ProfileFormValues, ProfileListField } from '../schemas';
import { listFieldVocabulary } from './fields';
import { vocabularyLabel } from '@/lib/profile-vocabulary';

/** The labels of a list field's keys, in the stored order. */
export function listLabels(field: ProfileListField, keys: readonly string[]): string[] {
  return keys.map((key) => vocabularyLabel(listFieldVocabulary[field], key));
}

/** A field's value as text, or null when it is not filled in. */
export function displayValue(field: ProfileField, values: ProfileFormValues): string | null {
  const value = values[field];
  if (Array.isArray(value))
    return value.length > 0 ? listLabels(field as ProfileListField, value).join(', ') : null;
  const text = value.trim();
  if (text === '') return null;
  if (field === 'license_type') return vocabularyLabel('license_type', text);
  return text;
}

/** "Boston, MA" from whatever parts are known. */
export function cityAndState(location: { city: string | null; state: string | null } | null): string | null {
  if (!location) return null;
  const parts = [location.city, location.state].filter(
    (part): part is string => !!part && part.trim() !== '',
  );
  return parts.length > 0 ? parts.join(', ') : null;
}
