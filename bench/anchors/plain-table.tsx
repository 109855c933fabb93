/**
 * The grid's anchor: every row of the clinic in a plain @tanstack/react-table table (every row in
 * the document, no virtualization, no paging) with the same columns and a payer filter.
 */
import { useMemo, useState } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
} from '@tanstack/react-table';
import { anchorData, type AnchorRow } from './anchor-data.ts';

const column = createColumnHelper<AnchorRow>();
const columns = [
  column.accessor('staff', { header: 'Staff' }),
  column.accessor('email', { header: 'Email' }),
  column.accessor('payers', {
    header: 'Payers',
    cell: (info) =>
      info
        .getValue()
        .map((p) => p.name)
        .join(', '),
    filterFn: (row, id, payerId: string) =>
      row.getValue<AnchorRow['payers']>(id).some((p) => p.id === payerId),
    enableSorting: false,
  }),
  column.accessor('applicationStatus', { header: 'Application Status' }),
  column.accessor('enrollmentStatus', { header: 'Status' }),
];

export function PlainTable() {
  const [rows] = useState(() => anchorData().rows ?? []);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const payers = useMemo(() => {
    const byId = new Map(rows.flatMap((r) => r.payers).map((p) => [p.id, p.name]));
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here either; the table's state is held here
  const table = useReactTable({
    data: rows,
    columns,
    state: { columnFilters: filters },
    onColumnFiltersChange: setFilters,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    initialState: { sorting: [{ id: 'staff', desc: false }] },
  });
  const payer = (filters.find((f) => f.id === 'payers')?.value as string | undefined) ?? '';
  return (
    <section>
      <label htmlFor="payer">Payer</label>
      <select
        id="payer"
        value={payer}
        onChange={(e) => setFilters(e.target.value ? [{ id: 'payers', value: e.target.value }] : [])}
      >
        <option value="">All payers</option>
        {payers.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <table>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
