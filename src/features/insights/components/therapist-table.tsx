import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, type SortState } from '@/components/ui/data-table';
import { ErrorState } from '@/components/ui/status';
import { useMembership } from '@/lib/membership/membership-context';
import { getAllTherapistRows, useTherapistPage } from '../api/get-therapist-page';
import { downloadCsv, toCsv } from '../lib/csv';
import { breakdownTable, csvFileName } from '../lib/figure-tables';
import type { BreakdownRow, ProgramInsights } from '../lib/figures';
import type { InsightsQuery } from '../lib/period';
import {
  firstTherapistPage,
  therapistPageSize,
  therapistSortColumn,
  type TherapistPageQuery,
} from '../lib/therapist-page';
import { breakdownCaption, breakdownColumns } from './breakdown-columns';
import styles from './insights.module.css';
import { TablePager } from './table-pager';

const title = 'Per therapist';

/**
 * Per therapist, a page at a time: the database sorts every therapist of the period by the chosen
 * column and returns one page with its sparklines and the total count, so a clinic of thousands of
 * therapists loads 25 rows. The CSV asks for every row, without the weekly counts.
 */
export function TherapistTable({ query, insights }: { query: InsightsQuery; insights: ProgramInsights }) {
  const { organization } = useMembership();
  const [page, setPage] = useState<TherapistPageQuery>(firstTherapistPage);
  // another period or filter opens on the first page
  const [pagedQuery, setPagedQuery] = useState(query);
  if (JSON.stringify(pagedQuery) !== JSON.stringify(query)) {
    setPagedQuery(query);
    setPage((p) => ({ ...p, page: 0 }));
  }
  const rows = useTherapistPage(organization.id, query, page);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const sort: SortState = { id: page.sort, desc: page.desc };
  const changeSort = (next: SortState) =>
    setPage({ sort: therapistSortColumn(next.id), desc: next.desc, page: 0 });
  const downloadTable = async () => {
    setDownloading(true);
    setCsvError(null);
    try {
      const all = await getAllTherapistRows(organization.id, query, page);
      const table = breakdownTable(all.rows, [], 'Therapist');
      downloadCsv(
        csvFileName('per-therapist', insights),
        toCsv(
          table.columns.map((c) => c.header),
          table.rows,
        ),
      );
    } catch (error) {
      setCsvError(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section className={styles.card} aria-labelledby="insights-therapists">
      <div className={styles.cardHeader}>
        <h3 id="insights-therapists" className={styles.cardTitle}>
          {title}
        </h3>
        <div className={styles.cardActions}>
          <Button size="small" variant="quiet" disabled={downloading} onClick={() => void downloadTable()}>
            Download CSV<span className="visually-hidden"> ({title})</span>
          </Button>
        </div>
      </div>
      {csvError ? (
        <ErrorState title="The CSV could not be made" error={csvError} onRetry={() => void downloadTable()} />
      ) : null}
      {rows.isError ? (
        <ErrorState
          title="The therapists could not be loaded"
          error={rows.error}
          onRetry={() => void rows.refetch()}
        />
      ) : (
        <div aria-busy={rows.isPlaceholderData || undefined}>
          <DataTable
            caption={breakdownCaption(title)}
            captionHidden
            columns={breakdownColumns('Therapist')}
            rows={rows.data?.rows.map((r): BreakdownRow => ({ ...r, weekly: r.weekly ?? [] }))}
            rowKey={(r) => r.id ?? r.name}
            sort={sort}
            onSortChange={changeSort}
            loadingLabel="Loading the therapists…"
            empty="No requests in this period."
          />
          <TablePager
            what="therapists"
            page={page.page}
            pageSize={therapistPageSize}
            total={rows.data?.total ?? 0}
            onPageChange={(next) => setPage((p) => ({ ...p, page: next }))}
          />
        </div>
      )}
    </section>
  );
}
