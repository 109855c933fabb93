/**
 * What the program grid asks the server for: pure translation of the grid's filter and sort state
 * into the arguments of `program_grid_page`. Everything is filtered and sorted in the database, so
 * the grid stays fast at thousands of enrolled staff.
 */

/** Rows per request: one page of the grid's offset pagination. */
export const gridPageSize = 100;

export type ApplicationStatus = 'completed' | 'incomplete';
export type EnrollmentStatus = 'active' | 'deactivated';

/** The grid's columns; the first three sort, the first three filter (with payers). */
export type GridColumnId = 'staff' | 'applicationStatus' | 'payers' | 'status' | 'actions';
export type SortableColumnId = Extract<GridColumnId, 'staff' | 'applicationStatus' | 'status'>;

export interface GridSort {
  column: SortableColumnId;
  descending: boolean;
}

/** A query of the grid; serializable, so it is part of the query key. */
export interface GridQuery {
  /** Words that must each appear in the first or last name. */
  search: string[];
  applicationStatus: ApplicationStatus | null;
  payerId: string | null;
  sort: GridSort;
}

export const defaultSort: GridSort = { column: 'staff', descending: false };

/** The grid as it opens: sorted by staff name, nothing filtered. */
export const initialTableState: TableState = { sorting: [{ id: 'staff', desc: false }], columnFilters: [] };

const sortableColumns: readonly SortableColumnId[] = ['staff', 'applicationStatus', 'status'];
const applicationStatuses: readonly ApplicationStatus[] = ['completed', 'incomplete'];

const maxWords = 5;
const maxWordLength = 50;

/**
 * The words of a name search, safe to send: letters, digits, apostrophes, hyphens and periods
 * only (so nothing can break out of a PostgREST filter or act as a LIKE wildcard), lower-cased.
 */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{M}\p{N}'’.-]/gu, '').slice(0, maxWordLength))
    .filter((word) => word !== '')
    .slice(0, maxWords);
}

/** The grid's table state, shaped like @tanstack/react-table's SortingState and ColumnFiltersState. */
export interface TableState {
  sorting: readonly { id: string; desc: boolean }[];
  columnFilters: readonly { id: string; value: unknown }[];
}

const isSortable = (id: string): id is SortableColumnId =>
  (sortableColumns as readonly string[]).includes(id);
const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === 'string' && (applicationStatuses as readonly string[]).includes(value);

/** The server query for the table's current sorting and column filters. */
export function gridQueryFrom({ sorting, columnFilters }: TableState): GridQuery {
  const filter = (id: GridColumnId) => columnFilters.find((f) => f.id === id)?.value;
  const sorted = sorting[0];
  const staff = filter('staff');
  const applicationStatus = filter('applicationStatus');
  const payerId = filter('payers');
  return {
    search: typeof staff === 'string' ? searchWords(staff) : [],
    applicationStatus: isApplicationStatus(applicationStatus) ? applicationStatus : null,
    payerId: typeof payerId === 'string' && payerId !== '' ? payerId : null,
    sort: sorted && isSortable(sorted.id) ? { column: sorted.id, descending: sorted.desc } : defaultSort,
  };
}

/** Whether the query narrows the grid (for the empty state and the "Clear filters" button). */
export function isFiltered(query: Pick<GridQuery, 'search' | 'applicationStatus' | 'payerId'>): boolean {
  return query.search.length > 0 || query.applicationStatus !== null || query.payerId !== null;
}

/** Rows to keep ahead of the last one shown: when the view comes this close to the end, the next page loads. */
export const prefetchThreshold = 50;

/** Whether to load the next page, given the last row index rendered (virtualized) and what is loaded. */
export function shouldLoadMore(
  lastRenderedIndex: number | undefined,
  loaded: number,
  hasMore: boolean,
  loading: boolean,
): boolean {
  if (!hasMore || loading || lastRenderedIndex === undefined) return false;
  return lastRenderedIndex >= loaded - prefetchThreshold;
}
