import { describe, expect, it } from 'vitest';
import {
  defaultSort,
  gridQueryFrom,
  initialTableState,
  isFiltered,
  searchWords,
  shouldLoadMore,
} from './grid-query';

describe('searchWords', () => {
  it('splits on spaces, lower-cases, and keeps letters, digits, apostrophes, hyphens and periods', () => {
    expect(searchWords('  Jordan   ELLIS ')).toEqual(['jordan', 'ellis']);
    expect(searchWords("O'Brien Mary-Jane St. José")).toEqual(["o'brien", 'mary-jane', 'st.', 'josé']);
  });

  it('drops what could break out of a PostgREST filter or act as a LIKE wildcard', () => {
    expect(searchWords('a,b (c) "d" e*f g%h_i')).toEqual(['ab', 'c', 'd', 'ef', 'ghi']);
    expect(searchWords('\\j k:l')).toEqual(['j', 'kl']);
    expect(searchWords('*** ,,, ()')).toEqual([]);
  });

  it('keeps at most five words of at most fifty characters', () => {
    expect(searchWords('a b c d e f g')).toHaveLength(5);
    expect(searchWords('x'.repeat(80))[0]).toHaveLength(50);
  });
});

describe('gridQueryFrom', () => {
  it('opens on every enrollment by staff name, the query fetched ahead when the page is about to open', () => {
    expect(gridQueryFrom(initialTableState)).toEqual({
      search: [],
      applicationStatus: null,
      payerId: null,
      sort: defaultSort,
    });
    // the page adds its (empty) search box as a filter: the same query
    expect(gridQueryFrom({ ...initialTableState, columnFilters: [{ id: 'staff', value: '' }] })).toEqual(
      gridQueryFrom(initialTableState),
    );
  });

  it('reads the table’s sorting and column filters', () => {
    expect(
      gridQueryFrom({
        sorting: [{ id: 'status', desc: true }],
        columnFilters: [
          { id: 'staff', value: 'Jordan E' },
          { id: 'applicationStatus', value: 'incomplete' },
          { id: 'payers', value: 'b0a1e000-0000-4000-8000-000000000003' },
        ],
      }),
    ).toEqual({
      search: ['jordan', 'e'],
      applicationStatus: 'incomplete',
      payerId: 'b0a1e000-0000-4000-8000-000000000003',
      sort: { column: 'status', descending: true },
    });
  });

  it('ignores unknown values and columns, and falls back to sorting by staff', () => {
    expect(
      gridQueryFrom({
        sorting: [{ id: 'payers', desc: true }],
        columnFilters: [
          { id: 'applicationStatus', value: 'pending' },
          { id: 'payers', value: '' },
          { id: 'staff', value: 42 },
        ],
      }),
    ).toEqual({ search: [], applicationStatus: null, payerId: null, sort: defaultSort });
  });
});

describe('isFiltered', () => {
  it('is true when any filter narrows the grid', () => {
    expect(isFiltered({ search: [], applicationStatus: null, payerId: null })).toBe(false);
    expect(isFiltered({ search: ['a'], applicationStatus: null, payerId: null })).toBe(true);
    expect(isFiltered({ search: [], applicationStatus: 'completed', payerId: null })).toBe(true);
    expect(isFiltered({ search: [], applicationStatus: null, payerId: 'x' })).toBe(true);
  });
});

describe('shouldLoadMore', () => {
  it('loads the next page when the rendered rows come near the end of what is loaded', () => {
    expect(shouldLoadMore(30, 200, true, false)).toBe(false);
    expect(shouldLoadMore(150, 200, true, false)).toBe(true);
    expect(shouldLoadMore(199, 200, true, false)).toBe(true);
  });
  it('not when there is no more, a page is loading, or nothing is rendered', () => {
    expect(shouldLoadMore(199, 200, false, false)).toBe(false);
    expect(shouldLoadMore(199, 200, true, true)).toBe(false);
    expect(shouldLoadMore(undefined, 0, true, false)).toBe(false);
  });
});
