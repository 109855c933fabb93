import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, sortRows, type SortState } from '@/components/ui/data-table';
import { downloadCsv, toCsv } from '../lib/csv';
import { breakdownTable, csvFileName } from '../lib/figure-tables';
import type { BreakdownRow, ProgramInsights } from '../lib/figures';
import { breakdownCaption, breakdownColumns } from './breakdown-columns';
import styles from './insights.module.css';
import { TablePager } from './table-pager';

interface BreakdownTableProps {
  id: string;
  title: string;
  /** the first column's name: "Source" */
  nameHeader: string;
  /** what a row is, in the plural, for the pager: "sources" */
  rowsWhat: string;
  rows: BreakdownRow[];
  insights: ProgramInsights;
  csvWhat: string;
}

const sortValue = (row: BreakdownRow, column: string): string | number => {
  switch (column) {
    case 'name':
      return row.name;
    case 'volume':
      return row.volume;
    case 'confirm':
      return row.confirm_rate;
    case 'expiry':
      return row.expiry_rate;
    case 'median':
      // no decision yet sorts after every measured time
      return row.median_hours ?? Number.MAX_SAFE_INTEGER;
    default:
      return 0;
  }
};

/** Rows drawn at once; the sort is across all rows, a page shows this many. */
export const breakdownPageSize = 25;

/**
 * Per payer and source (a few rows, all in the figures; the per-therapist table pages in the
 * database, `TherapistTable`): volume, confirm and expiry rates, median time to decision and a
 * sparkline of weekly requests, sortable by any figure (the rows are the database's; only their
 * order is chosen here), shown a page at a time, with a CSV of every row and its weekly counts.
 */
export function BreakdownTable({
  id,
  title,
  nameHeader,
  rowsWhat,
  rows,
  insights,
  csvWhat,
}: BreakdownTableProps) {
  const [sort, setSort] = useState<SortState>({ id: 'volume', desc: true });
  const [page, setPage] = useState(0);
  // new figures (another period or filter) open on the first page
  const [pagedRows, setPagedRows] = useState(rows);
  if (pagedRows !== rows) {
    setPagedRows(rows);
    setPage(0);
  }
  // a clinic's table can hold hundreds of rows: sorted once per sort, its CSV built only when asked for
  const sorted = useMemo(() => sortRows(rows, sort, sortValue), [rows, sort]);
  const shown = useMemo(
    () => sorted.slice(page * breakdownPageSize, (page + 1) * breakdownPageSize),
    [sorted, page],
  );
  const changeSort = (next: SortState) => {
    setSort(next);
    setPage(0);
  };
  const downloadTable = () => {
    const table = breakdownTable(rows, insights.weeks, nameHeader);
    downloadCsv(
      csvFileName(csvWhat, insights),
      toCsv(
        table.columns.map((c) => c.header),
        table.rows,
      ),
    );
  };
  const columns = breakdownColumns(nameHeader);
  return (
    <section className={styles.card} aria-labelledby={id}>
      <div className={styles.cardHeader}>
        <h3 id={id} className={styles.cardTitle}>
          {title}
        </h3>
        <div className={styles.cardActions}>
          <Button size="small" variant="quiet" onClick={downloadTable}>
            Download CSV<span className="visually-hidden"> ({title})</span>
          </Button>
        </div>
      </div>
      <DataTable
        caption={breakdownCaption(title)}
        captionHidden
        columns={columns}
        rows={shown}
        rowKey={(r) => r.id ?? r.name}
        sort={sort}
        onSortChange={changeSort}
        loadingLabel="Loading…"
        empty="No requests in this period."
      />
      <TablePager
        what={rowsWhat}
        page={page}
        pageSize={breakdownPageSize}
        total={sorted.length}
        onPageChange={setPage}
      />
    </section>
  );
}
