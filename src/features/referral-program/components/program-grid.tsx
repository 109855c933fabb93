import { flexRender, type Header, type Row, type SortingState, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, type RefObject } from 'react';
import type { EnrollmentRow } from '../api/get-program-grid';

interface ProgramGridProps {
  table: Table<EnrollmentRow>;
  /** The table's rows and sort, given apart from `table` (whose identity never changes) so the grid re-renders only when they do. */
  rows: Row<EnrollmentRow>[];
  sorting: SortingState;
  /** Rows matching the filters in all (loaded or not). */
  total: number;
  caption: string;
  /** Told the index of the last row drawn and how many are loaded, whenever either changes: the page loads more near the end. */
  onRowsDrawn: (lastIndex: number | undefined, loaded: number) => void;
  /** The scrolling region; focus lands here when a row's action button disappears. */
  regionRef: RefObject<HTMLDivElement | null>;
}

/**
 * A row's height before it is measured, at the default text size: its payers a line each plus one
 * (about one name in a row wraps) or two stacked action buttons (as most rows have), whichever is
 * taller, and the cell's padding and border. Close estimates spare the first draw of new rows from
 * drawing rows that measuring then finds out of view, and a second draw without them.
 */
export function estimatedRowHeight(payerCount: number): number {
  const lineHeight = 24;
  const actionsHeight = 70;
  const cellChrome = 17;
  return cellChrome + Math.max(actionsHeight, lineHeight * (payerCount + 1));
}

/**
 * The enrolled-staff table. Only the rows in view are in the document (virtualized); the table
 * tells assistive technology how many rows there are (aria-rowcount) and where each one is
 * (aria-rowindex). The next page loads as the view nears the end of what is loaded. Memoized: a
 * filter change re-renders the page around it at once, and the rows only when the new ones arrive.
 */
export const ProgramGrid = memo(function ProgramGrid({
  table,
  rows,
  sorting,
  total,
  caption,
  onRowsDrawn,
  regionRef,
}: ProgramGridProps) {
  const captionId = useId();
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualizer re-renders through its own state
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => regionRef.current,
    estimateSize: (index) => estimatedRowHeight(rows[index]?.original.payers.length ?? 0),
    getItemKey: (index) => rows[index]?.id ?? index,
    // a few rows either side: enough for Tab to reach the next row and for a smooth scroll, few enough to render quickly
    overscan: 2,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index;

  useEffect(() => onRowsDrawn(lastIndex, rows.length), [lastIndex, rows.length, onRowsDrawn]);

  const columnCount = table.getVisibleLeafColumns().length;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  return (
    <div
      ref={regionRef}
      className="table-scroll program-grid-scroll"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="data-table program-grid" aria-rowcount={total + 1}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <colgroup>
          <col className="col-staff" />
          <col className="col-application" />
          <col className="col-payers" />
          <col className="col-status" />
          <col className="col-actions" />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} sorting={sorting} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <GridRow key={row.id} row={row} index={item.index} measureRef={virtualizer.measureElement} />
            ) : null;
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
});

/**
 * One staff member's row. Memoized: when the virtualizer re-renders the grid (a scroll, a row
 * measured) only the rows that come into view are drawn.
 */
const GridRow = memo(function GridRow({
  row,
  index,
  measureRef,
}: {
  row: Row<EnrollmentRow>;
  index: number;
  measureRef: (row: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr data-index={index} ref={measureRef} aria-rowindex={index + 2}>
      {row.getVisibleCells().map((cell) =>
        cell.column.id === 'staff' ? (
          <th key={cell.id} scope="row">
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </th>
        ) : (
          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
        ),
      )}
    </tr>
  );
});

/** A column header; a sortable one is a button, and the sorted one says how (aria-sort). */
function HeaderCell({ header, sorting }: { header: Header<EnrollmentRow, unknown>; sorting: SortingState }) {
  const label = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <th scope="col">{label}</th>;
  const sort = sorting.find((s) => s.id === header.column.id);
  const sorted = sort ? (sort.desc ? 'desc' : 'asc') : false;
  return (
    <th scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
