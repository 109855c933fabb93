/**
 * The one table of the app: every list (the program grid, the Unconfirmed Appointments queue, the
 * staff list) is drawn with these parts. Sort and filter controls sit in the column headers; each
 * row may end with its actions; a table with no rows says so instead; and where the table's box
 * is narrower than 700 px each row becomes a card, every cell under its column's name (the header
 * row then holds only the sort and filter controls). That last part is CSS alone, so a
 * virtualized table (the program grid, which renders its own body with these parts) works the same.
 */
import { Fragment, useId, type ReactNode, type Ref } from 'react';
import styles from './data-table.module.css';
import { LoadingState } from './status';

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  id: string;
  desc: boolean;
}

export interface DataColumn<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** This column names the row (a row header: read out with each of the row's cells). */
  rowHeader?: boolean;
  /** The column can be sorted by; the caller sorts (or asks the server to). */
  sortable?: boolean;
  /** A filter control shown in the column's header, labelled by the caller. */
  filter?: ReactNode;
  /** The column's share of the width on a wide screen (e.g. '20%'). */
  width?: string;
}

/** The frame of a table: a labelled, keyboard-scrollable region that turns rows into cards when narrow. */
export function TableFrame({
  caption,
  captionHidden = false,
  regionRef,
  scrolling = false,
  rowCount,
  fixedLayout = false,
  children,
}: {
  caption: ReactNode;
  /** The caption names the region and the table, but is not shown (a heading above says it). */
  captionHidden?: boolean;
  regionRef?: Ref<HTMLDivElement>;
  /** A fixed-height region that scrolls its rows (the header stays in view on a wide screen). */
  scrolling?: boolean;
  /** The number of rows, header included, when not all are in the document (aria-rowcount). */
  rowCount?: number;
  fixedLayout?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className={styles.container}>
      <div
        ref={regionRef}
        className={scrolling ? `${styles.region} ${styles.scrolling}` : styles.region}
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
      >
        <table
          className={fixedLayout ? `${styles.table} ${styles.fixed}` : styles.table}
          aria-rowcount={rowCount}
        >
          <caption id={captionId} className={captionHidden ? 'visually-hidden' : styles.caption}>
            {caption}
          </caption>
          {children}
        </table>
      </div>
    </div>
  );
}

/**
 * A column header. A sortable one holds a button that sorts by it (the sorted column says how
 * with aria-sort); a filter, when given, sits under the column's name.
 */
export function HeaderCell({
  label,
  sorted,
  onSort,
  filter,
}: {
  label: ReactNode;
  /** undefined: not sortable; false: sortable, not sorted by now. */
  sorted?: SortDirection | false;
  onSort?: () => void;
  filter?: ReactNode;
}) {
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={filter ? styles.filterHeader : undefined}>
      {sorted === undefined || onSort === undefined ? (
        <span className={styles.headerLabel}>{label}</span>
      ) : (
        <button type="button" className={styles.sortButton} onClick={onSort}>
          {label}
          <span className={sorted ? styles.sortIndicatorActive : styles.sortIndicator} aria-hidden="true">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      )}
      {filter ? <div className={styles.headerFilter}>{filter}</div> : null}
    </th>
  );
}

/** A body cell; on a card it shows its column's name (`label`) before the value. */
export function BodyCell({
  label,
  rowHeader = false,
  actions = false,
  children,
}: {
  label: string;
  rowHeader?: boolean;
  /** The row's actions: on a card, a row of buttons at the bottom. */
  actions?: boolean;
  children: ReactNode;
}) {
  const className = actions ? styles.actionsCell : rowHeader ? styles.rowHeaderCell : undefined;
  return rowHeader ? (
    <th scope="row" className={className} data-label={label}>
      {children}
    </th>
  ) : (
    <td className={className} data-label={label}>
      {children}
    </td>
  );
}

/** An empty row the height of the rows not drawn (a virtualized table). Hidden from assistive technology. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return height > 0 ? (
    <tr aria-hidden="true" className={styles.spacerRow}>
      <td colSpan={columns} style={{ height }} />
    </tr>
  ) : null;
}

/** A row's action buttons, side by side, wrapping when narrow. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className={styles.rowActions}>{children}</div>;
}

/** The table's state when it has no rows: a sentence, in place of the table. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}

/** The class of a table row; a row drawn with these parts takes it (a card below 700 px). */
export const rowClassName = styles.row;

interface DataTableProps<Row> {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly DataColumn<Row>[];
  /** undefined while loading. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  sort?: SortState;
  onSortChange?: (next: SortState) => void;
  loadingLabel: string;
  /** What to say when there are no rows. */
  empty: ReactNode;
  /** The row's actions (buttons); they make an Actions column at the end. */
  rowActions?: (row: Row) => ReactNode;
  /** Shown in a full-width row under the row when not null (expanded details). */
  details?: (row: Row) => ReactNode;
  detailsId?: (row: Row) => string;
}

/** A whole table for a list held in the page: header, rows, actions, and its loading and empty states. */
export function DataTable<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  loadingLabel,
  empty,
  rowActions,
  details,
  detailsId,
}: DataTableProps<Row>) {
  if (rows === undefined) return <LoadingState label={loadingLabel} />;
  // a header that holds filters stays (with a row that says why there are none) so they can be changed back
  const filtered = columns.some((column) => column.filter);
  if (rows.length === 0 && !filtered) return <EmptyState>{empty}</EmptyState>;
  const columnCount = columns.length + (rowActions ? 1 : 0);
  const sortedBy = (column: DataColumn<Row>): SortDirection | false | undefined => {
    if (!column.sortable) return undefined;
    return sort?.id === column.id ? (sort.desc ? 'desc' : 'asc') : false;
  };
  return (
    <TableFrame caption={caption} captionHidden={captionHidden}>
      {columns.some((column) => column.width) ? (
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.width }} />
          ))}
          {rowActions ? <col /> : null}
        </colgroup>
      ) : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <HeaderCell
              key={column.id}
              label={column.header}
              sorted={sortedBy(column)}
              filter={column.filter}
              onSort={
                onSortChange
                  ? () => onSortChange({ id: column.id, desc: sort?.id === column.id ? !sort.desc : false })
                  : undefined
              }
            />
          ))}
          {rowActions ? <HeaderCell label="Actions" /> : null}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columnCount} className={styles.emptyRow}>
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => {
          const shownDetails = details?.(row) ?? null;
          return (
            <Fragment key={rowKey(row)}>
              <tr className={styles.row}>
                {columns.map((column) => (
                  <BodyCell key={column.id} label={column.header} rowHeader={column.rowHeader}>
                    {column.cell(row)}
                  </BodyCell>
                ))}
                {rowActions ? (
                  <BodyCell label="Actions" actions>
                    <RowActions>{rowActions(row)}</RowActions>
                  </BodyCell>
                ) : null}
              </tr>
              {shownDetails !== null ? (
                <tr className={styles.detailsRow} id={detailsId?.(row)}>
                  <td colSpan={columnCount}>{shownDetails}</td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </TableFrame>
  );
}

/** Rows sorted by one column's values (for lists sorted in the page rather than by the server). */
export function sortRows<Row>(
  rows: readonly Row[],
  sort: SortState | undefined,
  valueOf: (row: Row, columnId: string) => string | number,
): Row[] {
  if (!sort) return [...rows];
  const direction = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.id);
    const y = valueOf(b, sort.id);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * direction;
  });
}
