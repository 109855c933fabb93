import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { downloadCsv, toCsv } from '../lib/csv';
import type { FigureTable } from '../lib/figure-tables';
import { FigureTableView, PlainFigureTable } from './figure-table-view';
import styles from './insights.module.css';

interface ChartCardProps {
  id: string;
  title: string;
  /** the chart's main finding in words, shown above it */
  summary: ReactNode;
  table: FigureTable;
  csvName: string;
  /** the chart itself (hidden from assistive technology: the table below says the same) */
  children: ReactNode;
}

/**
 * One chart of the insights: its title and main figures in words, the chart or, on "Show as
 * table", its figures as a table, and a CSV download of the same figures. While the chart is
 * shown, its table stays in the document for screen readers (visually hidden).
 */
export function ChartCard({ id, title, summary, table, csvName, children }: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  const header = table.columns.map((c) => c.header);
  return (
    // a table takes the whole row of the grid, so it is a table (not a list of cards) on a wide screen
    <section className={asTable ? `${styles.card} ${styles.wide}` : styles.card} aria-labelledby={id}>
      <div className={styles.cardHeader}>
        <h3 id={id} className={styles.cardTitle}>
          {title}
        </h3>
        <div className={styles.cardActions}>
          <Button size="small" variant="quiet" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
            {asTable ? 'Show as chart' : 'Show as table'}
            <span className="visually-hidden"> ({title})</span>
          </Button>
          <Button
            size="small"
            variant="quiet"
            onClick={() => downloadCsv(csvName, toCsv(header, table.rows))}
          >
            Download CSV<span className="visually-hidden"> ({title})</span>
          </Button>
        </div>
      </div>
      <div className={styles.summary}>{summary}</div>
      {asTable ? (
        <FigureTableView caption={`${title}, as a table`} table={table} />
      ) : (
        <>
          {children}
          <div className="visually-hidden">
            <PlainFigureTable caption={`${title}, as a table`} table={table} />
          </div>
        </>
      )}
    </section>
  );
}
