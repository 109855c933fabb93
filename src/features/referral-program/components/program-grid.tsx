import { flexRender, type Header, type Row, type SortingState, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, type ReactNode, type RefObject } from 'react';
import { BodyCell, HeaderCell, SpacerRow, TableFrame, rowClassName } from '@/components/ui/data-table';
import type { EnrollmentRow } from '../api/get-program-grid';
import styles from './referral-program.module.css';

interface ProgramGridProps {
  table: Table<EnrollmentRow>;
  /** The table's rows and sort, given apart from `table` (whose identity never changes) so the grid re-renders only when they do. */
  rows: Row<EnrollmentRow>[];
  sorting: SortingState;
  /** Rows matching the filters in all (loaded or not). */
  total: number;
  caption: string;
  /** Each filterable column's filter, shown in its header. */
  filters: Partial<Record<string, ReactNode>>;
  /** Said in place of the rows when there are none. */
  emptyText: string;
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
 * The enrolled-staff table, drawn with the data-table kit's parts (a card per row when narrow).
 * Only the rows in view are in the document (virtualized); the table tells assistive technology
 * how many rows there are (aria-rowcount) and where each one is (aria-rowindex). The next page
 * loads as the view nears the end of what is loaded. Memoized: the rows are drawn again only when
 * new ones arrive (a filter change re-renders the header at once).
 */
export const ProgramGrid = memo(function ProgramGrid({
  table,
  rows,
  sorting,
  total,
  caption,
  filters,
  emptyText,
  onRowsDrawn,
  regionRef,
}: ProgramGridProps) {
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
    <TableFrame
      caption={caption}
      captionHidden
      regionRef={regionRef}
      scrolling
      fixedLayout
      rowCount={rows.length > 0 ? total + 1 : undefined}
    >
      <colgroup>
        <col className={styles.colStaff} />
        <col className={styles.colApplication} />
        <col className={styles.colPayers} />
        <col className={styles.colStatus} />
        <col className={styles.colActions} />
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={rows.length > 0 ? 1 : undefined}>
            {group.headers.map((header) => (
              <GridHeaderCell
                key={header.id}
                header={header}
                sorting={sorting}
                filter={filters[header.column.id]}
              />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columnCount} className={styles.emptyCell}>
              {emptyText}
            </td>
          </tr>
        ) : null}
        <SpacerRow height={paddingTop} columns={columnCount} />
        {items.map((item) => {
          const row = rows[item.index];
          return row ? (
            <GridRow key={row.id} row={row} index={item.index} measureRef={virtualizer.measureElement} />
          ) : null;
        })}
        <SpacerRow height={paddingBottom} columns={columnCount} />
      </tbody>
    </TableFrame>
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
    <tr data-index={index} ref={measureRef} aria-rowindex={index + 2} className={rowClassName}>
      {row.getVisibleCells().map((cell) => {
        const header = cell.column.columnDef.header;
        return (
          <BodyCell
            key={cell.id}
            label={typeof header === 'string' ? header : cell.column.id}
            rowHeader={cell.column.id === 'staff'}
            actions={cell.column.id === 'actions'}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </BodyCell>
        );
      })}
    </tr>
  );
});

/** A column header: a sort button when the column sorts, and its filter when it has one. */
function GridHeaderCell({
  header,
  sorting,
  filter,
}: {
  header: Header<EnrollmentRow, unknown>;
  sorting: SortingState;
  filter: ReactNode;
}) {
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const sort = sorting.find((s) => s.id === header.column.id);
  const canSort = header.column.getCanSort();
  return (
    <HeaderCell
      label={label}
      sorted={canSort ? (sort ? (sort.desc ? 'desc' : 'asc') : false) : undefined}
      onSort={canSort ? () => header.column.toggleSorting() : undefined}
      filter={filter}
    />
  );
}
