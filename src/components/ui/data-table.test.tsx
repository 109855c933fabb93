import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from './button';
import { DataTable, sortRows, type DataColumn, type SortState } from './data-table';

interface Person {
  id: string;
  name: string;
  visits: number;
}

const people: Person[] = [
  { id: 'b', name: 'Bell', visits: 3 },
  { id: 'a', name: 'Abbott', visits: 10 },
  { id: 'c', name: 'Cho', visits: 1 },
];

const columns: DataColumn<Person>[] = [
  { id: 'name', header: 'Name', rowHeader: true, sortable: true, cell: (p) => p.name },
  {
    id: 'visits',
    header: 'Visits',
    sortable: true,
    cell: (p) => p.visits,
    filter: (
      <label>
        Only busy <input type="checkbox" />
      </label>
    ),
  },
];

function People({ rows, withFilter = true }: { rows: Person[] | undefined; withFilter?: boolean }) {
  const [sort, setSort] = useState<SortState>({ id: 'name', desc: false });
  const shown = rows && sortRows(rows, sort, (p, id) => (id === 'visits' ? p.visits : p.name));
  return (
    <DataTable
      caption="People"
      columns={withFilter ? columns : columns.map(({ filter: _filter, ...column }) => column)}
      rows={shown}
      rowKey={(p) => p.id}
      sort={sort}
      onSortChange={setSort}
      loadingLabel="Loading people…"
      empty="No people yet."
      rowActions={(p) => <Button size="small">Edit {p.name}</Button>}
    />
  );
}

const firstColumn = () =>
  within(screen.getByRole('table', { name: 'People' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('DataTable', () => {
  it('sorts by a column from its header button, and says how it is sorted', async () => {
    const user = userEvent.setup();
    render(<People rows={people} />);
    const table = screen.getByRole('table', { name: 'People' });
    expect(firstColumn()).toEqual(['Abbott', 'Bell', 'Cho']);
    expect(within(table).getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(within(table).getByRole('button', { name: 'Visits' }));
    expect(firstColumn()).toEqual(['Cho', 'Bell', 'Abbott']);
    expect(within(table).getByRole('columnheader', { name: /Visits/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(within(table).getByRole('columnheader', { name: /Name/ })).not.toHaveAttribute('aria-sort');

    await user.click(within(table).getByRole('button', { name: 'Visits' }));
    expect(firstColumn()).toEqual(['Abbott', 'Bell', 'Cho']);
    expect(within(table).getByRole('columnheader', { name: /Visits/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('puts a column’s filter in its header and each row’s actions at its end', () => {
    render(<People rows={people} />);
    const table = screen.getByRole('table', { name: 'People' });
    const visits = within(table).getByRole('columnheader', { name: /Visits/ });
    expect(within(visits).getByRole('checkbox', { name: 'Only busy' })).toBeInTheDocument();
    const bell = within(table).getByRole('row', { name: /Bell/ });
    expect(within(bell).getByRole('button', { name: 'Edit Bell' })).toBeInTheDocument();
    // each cell carries its column's name, shown above the value when the rows are cards
    expect(within(bell).getByRole('cell', { name: '3' })).toHaveAttribute('data-label', 'Visits');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('Actions');
  });

  it('says it is loading, and says so when there are no rows, instead of an empty table', () => {
    const { rerender } = render(<People rows={undefined} withFilter={false} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading people…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    rerender(<People rows={[]} withFilter={false} />);
    expect(screen.getByText('No people yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('keeps a header that holds filters when there are no rows, so they can be changed back', () => {
    render(<People rows={[]} />);
    const table = screen.getByRole('table', { name: 'People' });
    expect(within(table).getByRole('checkbox', { name: 'Only busy' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'No people yet.' })).toBeInTheDocument();
  });
});
