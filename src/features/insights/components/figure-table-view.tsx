import { BodyCell, HeaderCell, rowClassName, TableFrame } from '@/components/ui/data-table';
import type { FigureTable } from '../lib/figure-tables';

/** A chart's figures as a table (the kit's frame: a card per row on a phone). */
export function FigureTableView({ caption, table }: { caption: string; table: FigureTable }) {
  return (
    <TableFrame caption={caption}>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <HeaderCell key={c.header} label={c.header} />
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} className={rowClassName}>
            {row.map((cell, i) => {
              const column = table.columns[i] ?? { header: String(i) };
              return (
                <BodyCell key={column.header} label={column.header} rowHeader={i === 0}>
                  {column.format ? column.format(cell) : cell === null ? '—' : String(cell)}
                </BodyCell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

/** The same table without the scrolling region's focus stop: the screen-reader copy under a chart. */
export function PlainFigureTable({ caption, table }: { caption: string; table: FigureTable }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => {
              const column = table.columns[i] ?? { header: String(i) };
              const text = column.format ? column.format(cell) : cell === null ? '—' : String(cell);
              return i === 0 ? (
                <th key={column.header} scope="row">
                  {text}
                </th>
              ) : (
                <td key={column.header}>{text}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
