import type { Table } from '@tanstack/react-table';
import { useId, useRef } from 'react';
import type { EnrollmentRow, PayerRef } from '../api/get-program-grid';
import { applicationStatusLabels } from '../lib/labels';

interface GridFiltersProps {
  table: Table<EnrollmentRow>;
  /** What is typed in the staff search (the grid follows it after a pause). */
  search: string;
  onSearchChange: (text: string) => void;
  payers: readonly PayerRef[];
  filtered: boolean;
  onClear: () => void;
}

/** One filter per filterable column: Staff (name search), Application Status, Payers. */
export function GridFilters({ table, search, onSearchChange, payers, filtered, onClear }: GridFiltersProps) {
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const applicationStatus = table.getColumn('applicationStatus');
  const payerColumn = table.getColumn('payers');
  const applicationValue = applicationStatus?.getFilterValue();
  const payerValue = payerColumn?.getFilterValue();

  return (
    <form
      role="search"
      aria-label="Filter enrolled staff"
      className="grid-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="grid-filter">
        <label htmlFor={`${id}-staff`}>Staff</label>
        <input
          ref={searchRef}
          id={`${id}-staff`}
          type="search"
          value={search}
          placeholder="Search by name"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onSearchChange(event.target.value)}
        />
      </div>
      <div className="grid-filter">
        <label htmlFor={`${id}-application`}>Application Status</label>
        <select
          id={`${id}-application`}
          value={typeof applicationValue === 'string' ? applicationValue : ''}
          onChange={(event) => applicationStatus?.setFilterValue(event.target.value || undefined)}
        >
          <option value="">All</option>
          <option value="completed">{applicationStatusLabels.completed}</option>
          <option value="incomplete">{applicationStatusLabels.incomplete}</option>
        </select>
      </div>
      <div className="grid-filter">
        <label htmlFor={`${id}-payer`}>Payer</label>
        <select
          id={`${id}-payer`}
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
      </div>
      {filtered ? (
        <button
          type="button"
          className="button button-secondary grid-filters-clear"
          onClick={() => {
            onClear();
            // the button goes away with the filters: keep the keyboard where the filters start
            searchRef.current?.focus();
          }}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
