import { describe, expect, it } from 'vitest';
import { directoryQuery, filtersFromSearchParams, filtersToSearchParams, hasFilters } from './filters';

describe('directory filters', () => {
  it('reads known filters with known values from an address, and ignores the rest', () => {
    const params = new URLSearchParams(
      'specialty=anxiety&language=xx&age_group=adults&session_format=&foo=bar&state=MA',
    );
    expect(filtersFromSearchParams(params)).toEqual({ specialty: 'anxiety', age_group: 'adults' });
    expect(filtersFromSearchParams(new URLSearchParams())).toEqual({});
  });

  it('writes set filters in a fixed order', () => {
    expect(
      filtersToSearchParams({
        session_format: 'telehealth',
        specialty: 'adhd',
        language: undefined,
      }).toString(),
    ).toBe('specialty=adhd&session_format=telehealth');
  });

  it('builds the API query: filters, cursor, page size', () => {
    expect(directoryQuery({ language: 'es' }, null, 10).toString()).toBe('language=es&limit=10');
    expect(directoryQuery({}, 'abc_-', 10).toString()).toBe('cursor=abc_-&limit=10');
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ specialty: undefined })).toBe(false);
    expect(hasFilters({ age_group: 'children' })).toBe(true);
  });
});
