import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, sortRows, type DataColumn, type SortState } from '@/components/ui/data-table';
import { downloadCsv, toCsv } from '../lib/csv';
import { breakdownTable, csvFileName } from '../lib/figure-tables';
import { hours, percent, type BreakdownRow, type ProgramInsights } from '../lib/figures';
import styles from './insights.module.css';
import { Sparkline } from './sparkline';

interface BreakdownTableProps {
  id: string;
  title: string;
  /** the first column's name: "Therapist" or "Source" */
  nameHeader: string;
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

/**
 * Per therapist or per source: volume, confirm and expiry rates, median time to decision and a
 * sparkline of weekly requests, sortable by any figure (the rows are the database's; only their
 * order is chosen here), with a CSV of the same rows and weekly counts.
 */
export function BreakdownTable({ id, title, nameHeader, rows, insights, csvWhat }: BreakdownTableProps) {
  const [sort, setSort] = useState<SortState>({ id: 'volume', desc: true });
  // a clinic's table can hold hundreds of rows: sorted once per sort, its CSV built only when asked for
  const sorted = useMemo(() => sortRows(rows, sort, sortValue), [rows, sort]);
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
  const columns: DataColumn<BreakdownRow>[] = [
    { id: 'name', header: nameHeader, rowHeader: true, sortable: true, width: '24%', cell: (r) => r.name },
    {
      id: 'volume',
      header: 'Requests',
      sortable: true,
      width: '13%',
      cell: (r) => r.volume.toLocaleString('en-US'),
    },
    {
      id: 'confirm',
      header: 'Confirm rate',
      sortable: true,
      width: '14%',
      cell: (r) => percent(r.confirm_rate),
    },
    {
      id: 'expiry',
      header: 'Expiry rate',
      sortable: true,
      width: '13%',
      cell: (r) => percent(r.expiry_rate),
    },
    {
      id: 'median',
      header: 'Median time to decision',
      sortable: true,
      width: '18%',
      cell: (r) => hours(r.median_hours),
    },
    {
      id: 'weekly',
      header: 'Requests per week',
      cell: (r) => <Sparkline values={r.weekly} label={`Requests per week for ${r.name}`} />,
    },
  ];
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
        caption={`${title}: requests, confirm and expiry rates, median time to decision, requests per week`}
        captionHidden
        columns={columns}
        rows={sorted}
        rowKey={(r) => r.id ?? r.name}
        sort={sort}
        onSortChange={setSort}
        loadingLabel="Loading…"
        empty="No requests in this period."
      />
    </section>
  );
}
