import { useQueryClient } from '@tanstack/react-query';
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type ColumnFiltersState,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ProgramNotEnabled } from '@/components/program-not-enabled';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { useMembership } from '@/lib/membership/membership-context';
import type { EnrollmentCandidate } from '../api/get-enrollment-candidates';
import { usePayers } from '../api/get-payers';
import {
  programGridQueryOptions,
  useProgramGrid,
  type EnrollmentRow,
  type PayerRef,
} from '../api/get-program-grid';
import type { EnrollmentAction } from '../lib/enrollment-actions';
import { gridQueryFrom, initialTableState, isFiltered, shouldLoadMore } from '../lib/grid-query';
import { emptyGridText, personName, staffCountText } from '../lib/labels';
import { AddStaffDialog } from './add-staff-dialog';
import { DeactivateEnrollmentDialog } from './deactivate-enrollment-dialog';
import { DeleteEnrollmentDialog } from './delete-enrollment-dialog';
import { EditPayersDialog } from './edit-payers-dialog';
import { gridColumns } from './grid-columns';
import { useGridFilters } from './grid-filters';
import { ProgramGrid } from './program-grid';
import { UndeliveredEmails } from './undelivered-emails';
import { useDebouncedValue } from './use-debounced-value';
import styles from './referral-program.module.css';

/** Manage Subscription › Client Referral Program: the enrolled-staff grid, for clinics with the program. */
export function ReferralProgramTab() {
  usePageTitle('Client Referral Program');
  const { organization } = useMembership();

  if (!organization.referral_program_enabled) {
    return (
      <>
        <h2>Client Referral Program</h2>
        <ProgramNotEnabled clinicName={organization.name} audience="admin" headingLevel={3} />
      </>
    );
  }

  return <ReferralProgram orgId={organization.id} orgName={organization.name} />;
}

type OpenDialog = { kind: 'add' } | { kind: EnrollmentAction; enrollment: EnrollmentRow };

const noPayers: readonly PayerRef[] = [];

/** How long the staff search waits for typing to pause before asking the server. */
const searchDelayMs = 300;

/** The grid's query for a sort, the column filters and the search as applied. */
const queryOf = (sorting: SortingState, columnFilters: ColumnFiltersState, search: string) =>
  gridQueryFrom({ sorting, columnFilters: [...columnFilters, { id: 'staff', value: search }] });

function ReferralProgram({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [sorting, setSorting] = useState<SortingState>(() => [...initialTableState.sorting]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(() => [
    ...initialTableState.columnFilters,
  ]);
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search, searchDelayMs);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const regionRef = useRef<HTMLDivElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // clearing the search applies at once; typing waits for a pause
  const appliedSearch = search.trim() === '' ? '' : debouncedSearch;
  const query = useMemo(
    () => queryOf(sorting, columnFilters, appliedSearch),
    [sorting, columnFilters, appliedSearch],
  );
  const filtered = isFiltered(query);

  const grid = useProgramGrid(orgId, query);
  const payers = usePayers(orgId);
  const rows = useMemo(() => grid.data?.pages.flatMap((page) => page.rows) ?? [], [grid.data]);
  const total = grid.data?.pages[0]?.total ?? rows.length;

  // A sort or filter change asks for its rows from the event handler, before React renders the
  // change: the render then overlaps the request instead of delaying it (the grid's query picks
  // up the request in flight).
  const queryClient = useQueryClient();
  const fetchAhead = (
    nextSorting: SortingState,
    nextFilters: ColumnFiltersState,
    nextSearch = appliedSearch,
  ) =>
    void queryClient.prefetchInfiniteQuery(
      programGridQueryOptions(orgId, queryOf(nextSorting, nextFilters, nextSearch)),
    );
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const next = functionalUpdate(updater, sorting);
    fetchAhead(next, columnFilters);
    setSorting(next);
  };
  const onColumnFiltersChange: OnChangeFn<ColumnFiltersState> = (updater) => {
    const next = functionalUpdate(updater, columnFilters);
    fetchAhead(sorting, next);
    setColumnFilters(next);
  };

  const onAction = useCallback((action: EnrollmentAction, enrollment: EnrollmentRow) => {
    setDialog({ kind: action, enrollment });
  }, []);
  const columns = useMemo(() => gridColumns(onAction), [onAction]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the table's state is held here
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.enrollmentId,
    state: { sorting, columnFilters },
    onSortingChange,
    onColumnFiltersChange,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });

  const closeDialog = useCallback(() => setDialog(null), []);
  const focusAfterChange = useCallback(() => regionRef.current ?? addButtonRef.current, []);

  // Whether the rows drawn call for the next page is decided here, from the latest state, not by
  // the grid: its rows' props then stay the same while a new sort's or filter's rows are on their
  // way (the rows drawn are not redrawn). Updated before any effect, the grid's included, runs.
  const nextPage = useRef({ hasMore: false, loading: false, fetch: grid.fetchNextPage });
  useLayoutEffect(() => {
    nextPage.current = {
      hasMore: grid.hasNextPage,
      loading: grid.isFetchingNextPage,
      fetch: grid.fetchNextPage,
    };
  });
  const rowsDrawn = useRef<{ lastIndex: number | undefined; loaded: number }>({
    lastIndex: undefined,
    loaded: 0,
  });
  const loadMoreIfNearEnd = useCallback(() => {
    const { hasMore, loading, fetch } = nextPage.current;
    if (shouldLoadMore(rowsDrawn.current.lastIndex, rowsDrawn.current.loaded, hasMore, loading)) void fetch();
  }, []);
  const onRowsDrawn = useCallback(
    (lastIndex: number | undefined, loaded: number) => {
      rowsDrawn.current = { lastIndex, loaded };
      loadMoreIfNearEnd();
    },
    [loadMoreIfNearEnd],
  );
  // a refetch can find more rows while the last ones are in view (after Add Staff): the rows drawn
  // stay the same, so the grid does not call; ask here
  useEffect(() => {
    if (grid.hasNextPage) loadMoreIfNearEnd();
  }, [grid.hasNextPage, loadMoreIfNearEnd]);

  const gridFilters = useGridFilters({
    table,
    search,
    onSearchChange: setSearch,
    payers: payers.data ?? noPayers,
    filtered,
    onClear: () => {
      fetchAhead(sorting, [], '');
      setSearch('');
      setColumnFilters([]);
    },
  });

  function announce(message: string) {
    setDialog(null);
    setAnnouncement(message);
  }

  return (
    <>
      <h2>Client Referral Program</h2>
      <p className={styles.programIntro}>
        New clients who search through their insurance payer’s portal or your client portal can request
        appointments in the open time of the therapists enrolled here. Add a therapist with the payers that
        may refer clients to them; we email them to complete their public profile.
      </p>

      <UndeliveredEmails
        orgId={orgId}
        onResent={(message) => {
          announce(message);
          statusRef.current?.focus();
        }}
      />

      <div className={styles.programToolbar}>
        <p className="result-count" aria-live="polite">
          {grid.isSuccess && !grid.isPlaceholderData ? staffCountText(total, filtered) : ''}
        </p>
        <Button ref={addButtonRef} variant="primary" onClick={() => setDialog({ kind: 'add' })}>
          Add Staff
        </Button>
      </div>

      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={announcement ? 'callout callout-success' : 'visually-hidden'}
      >
        {announcement}
      </p>

      {grid.isPending ? <LoadingState label="Loading enrolled staff…" /> : null}
      {grid.isError ? (
        <ErrorState
          title="The enrolled staff could not be loaded."
          error={grid.error}
          onRetry={() => void grid.refetch()}
        />
      ) : null}
      {grid.isSuccess ? (
        // the filters sit in the grid's column headers; the form is their search landmark
        <form
          role="search"
          aria-label="Filter enrolled staff"
          className={styles.gridForm}
          aria-busy={grid.isPlaceholderData || undefined}
          onSubmit={(event) => event.preventDefault()}
        >
          {gridFilters.clear ? <div className={styles.clearFilters}>{gridFilters.clear}</div> : null}
          <ProgramGrid
            table={table}
            rows={table.getRowModel().rows}
            sorting={sorting}
            total={total}
            caption={`Enrolled staff of ${orgName}`}
            filters={gridFilters.filters}
            emptyText={emptyGridText(filtered)}
            onRowsDrawn={onRowsDrawn}
            regionRef={regionRef}
          />
          {grid.isFetchingNextPage ? <LoadingState label="Loading more staff…" /> : null}
        </form>
      ) : null}

      {dialog?.kind === 'add' ? (
        <AddStaffDialog
          orgId={orgId}
          onClose={closeDialog}
          onAdded={(person: EnrollmentCandidate) =>
            announce(
              `${personName(person)} was added to the program. We emailed them to complete their public profile.`,
            )
          }
        />
      ) : null}
      {dialog?.kind === 'editPayers' ? (
        <EditPayersDialog
          orgId={orgId}
          enrollment={dialog.enrollment}
          onClose={closeDialog}
          onSaved={() => announce(`The payers of ${personName(dialog.enrollment)} were updated.`)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteEnrollmentDialog
          orgId={orgId}
          enrollment={dialog.enrollment}
          onClose={closeDialog}
          focusAfterChange={focusAfterChange}
          onDeleted={() => announce(`${personName(dialog.enrollment)} was deleted from the program.`)}
        />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <DeactivateEnrollmentDialog
          orgId={orgId}
          enrollment={dialog.enrollment}
          onClose={closeDialog}
          focusAfterChange={focusAfterChange}
          onDeactivated={() =>
            announce(
              `${personName(dialog.enrollment)} was deactivated. They no longer appear in payer directories.`,
            )
          }
        />
      ) : null}
    </>
  );
}
