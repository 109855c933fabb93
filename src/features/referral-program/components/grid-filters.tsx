import type { Table } from '@tanstack/react-table';
import { useId, useMemo, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { EnrollmentRow, PayerRef } from '../api/get-program-grid';
import { applicationStatusLabels } from '../lib/labels';
import styles from './referral-program.module.css';

interface GridFiltersOptions {
  table: Table<EnrollmentRow>;
  /** What is typed in the staff search (the grid follows it after a pause). */
  search: string;
  onSearchChange: (text: string) => void;
  payers: readonly PayerRef[];
  filtered: boolean;
  onClear: () => void;
}

/**
 * One filter per filterable column, for its header: Staff (name search), Application Status,
 * Payers; each labelled for assistive technology (the column's name is right above it), and the
 * Clear filters button for above the table.
 */
export function useGridFilters({
  table,
  search,
  onSearchChange,
  payers,
  filtered,
  onClear,
}: GridFiltersOptions): {
  filters: Record<string, ReactNode>;
  clear: ReactNode;
} {
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const applicationStatus = table.getColumn('applicationStatus');
  const payerColumn = table.getColumn('payers');
  const applicationValue = applicationStatus?.getFilterValue();
  const payerValue = payerColumn?.getFilterValue();

  // the same elements while nothing they show changes: the grid (memoized) is not drawn again for nothing
  const filters = useMemo(
    () => ({
      staff: (
        <>
          <label htmlFor={`${id}-staff`} className="visually-hidden">
            Staff
          </label>
          <input
            ref={searchRef}
            id={`${id}-staff`}
            className={styles.headerControl}
            type="search"
            value={search}
            placeholder="Search by name"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onSearchChange(event.target.value)}
          />
        </>
      ),
      applicationStatus: (
        <>
          <label htmlFor={`${id}-application`} className="visually-hidden">
            Application Status
          </label>
          <select
            id={`${id}-application`}
            className={styles.headerControl}
            value={typeof applicationValue === 'string' ? applicationValue : ''}
            onChange={(event) => applicationStatus?.setFilterValue(event.target.value || undefined)}
          >
            <option value="">All</option>
            <option value="completed">{applicationStatusLabels.completed}</option>
            <option value="incomplete">{applicationStatusLabels.incomplete}</option>
          </select>
        </>
      ),
      payers: (
        <>
          <label htmlFor={`${id}-payer`} className="visually-hidden">
            Payer
          </label>
          <select
            id={`${id}-payer`}
            className={styles.headerControl}
            value={typeof payerValue === 'string' ? payerValue : ''}
            onChange={(event) => payerColumn?.setFilterValue(event.target.value || undefined)}
          >
            <option value="">All payers</option>
            {payers.map((payer) => (
              <option key={payer.id} value={payer.id}>
                {payer.name}
              </option>
            ))}
          </select>
        </>
      ),
    }),
    [id, search, onSearchChange, applicationStatus, applicationValue, payerColumn, payerValue, payers],
  );

  const clear = filtered ? (
    <Button
      variant="quiet"
      onClick={() => {
        onClear();
        // the button goes away with the filters: keep the keyboard where the filters start
        searchRef.current?.focus();
      }}
    >
      Clear filters
    </Button>
  ) : null;

  return { filters, clear };
}
