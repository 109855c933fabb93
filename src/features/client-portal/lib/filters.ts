/**
 * The directory's filters: one choice per filter, kept in the page's address (so a filtered list
 * can be shared and the Back button works), and sent to the API as its query parameters.
 */
import { vocabularyKeys, type VocabularyKind } from '@/lib/profile-vocabulary';

export const filterNames = ['specialty', 'language', 'age_group', 'session_format'] as const;
export type FilterName = (typeof filterNames)[number];
/** Filters whose choices are the clinic's own (its offices, the payers its therapists take), by id. */
export const clinicFilterNames = ['location', 'insurance'] as const;
export type ClinicFilterName = (typeof clinicFilterNames)[number];
export type DirectoryFilters = Partial<Record<FilterName | ClinicFilterName, string>>;

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which vocabulary each filter offers, and how it is labelled. */
export const filterDefinitions: Record<FilterName, { label: string; vocabulary: VocabularyKind }> = {
  specialty: { label: 'Specialty', vocabulary: 'specialty' },
  language: { label: 'Language', vocabulary: 'language' },
  age_group: { label: 'Age group', vocabulary: 'age_group' },
  session_format: { label: 'Session format', vocabulary: 'session_format' },
};

/** The filters in an address's query string; unknown names and values are ignored (a stale link still works). */
export function filtersFromSearchParams(params: URLSearchParams): DirectoryFilters {
  const filters: DirectoryFilters = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value && vocabularyKeys(filterDefinitions[name].vocabulary).includes(value)) filters[name] = value;
  }
  for (const name of clinicFilterNames) {
    const value = params.get(name);
    if (value && idPattern.test(value)) filters[name] = value;
  }
  return filters;
}

/** The page address's query string for these filters (set ones only, in a fixed order). */
export function filtersToSearchParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of [...filterNames, ...clinicFilterNames]) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** The directory API's query string: the filters, then the page cursor and size. */
export function directoryQuery(
  filters: DirectoryFilters,
  cursor: string | null,
  limit: number,
): URLSearchParams {
  const params = filtersToSearchParams(filters);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params;
}

export const hasFilters = (filters: DirectoryFilters): boolean =>
  [...filterNames, ...clinicFilterNames].some((name) => Boolean(filters[name]));
