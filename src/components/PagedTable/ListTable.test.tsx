import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ListColumn, ListTable, nextSort } from './ListTable';

interface Item {
  id: string;
  name: string;
  size: number;
}

const items: Item[] = [
  { id: 'a', name: 'Alpha', size: 3 },
  { id: 'b', name: 'Beta', size: 1 },
  { id: 'c', name: 'Gamma', size: 2 },
];

function columnsWith(cell = jest.fn((row: Item) => row.name)): Array<ListColumn<Item>> {
  return [
    { id: 'name', header: 'Name', sortable: true, cell },
    { id: 'size', header: 'Size', sortable: true, cell: (row) => row.size },
    { id: 'note', header: 'Note', cell: (row) => <em>{`note ${row.id}`}</em> },
  ];
}

const byName = { id: 'name', desc: false };

function bodyRows(): string[][] {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
    );
}

describe('ListTable', () => {
  test('shows a header per column and a row per item, with each column’s cell', () => {
    render(<ListTable columns={columnsWith()} rows={items} initialSort={byName} onSort={jest.fn()} />);
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Name', 'Size', 'Note']);
    expect(bodyRows()).toEqual([
      ['Alpha', '3', 'note a'],
      ['Beta', '1', 'note b'],
      ['Gamma', '2', 'note c'],
    ]);
    // sortable headers are buttons named as Grafana's tables name them; the sorted one says how
    expect(screen.getByRole('button', { name: 'Sort column Name' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Size/ })).not.toHaveAttribute('aria-sort');
    // a column that does not sort has no button
    expect(within(screen.getByRole('columnheader', { name: 'Note' })).queryByRole('button')).not.toBeInTheDocument();
  });

  test('a header click reports the sort: the sorted column turns around, another sorts ascending', () => {
    const onSort = jest.fn();
    render(<ListTable columns={columnsWith()} rows={items} initialSort={byName} onSort={onSort} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sort column Name' }));
    expect(onSort).toHaveBeenLastCalledWith({ id: 'name', desc: true });
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');

    fireEvent.click(screen.getByRole('button', { name: 'Sort column Size' }));
    expect(onSort).toHaveBeenLastCalledWith({ id: 'size', desc: false });
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Name/ })).not.toHaveAttribute('aria-sort');

    // a sort is never removed: a third click sorts ascending again
    fireEvent.click(screen.getByRole('button', { name: 'Sort column Size' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sort column Size' }));
    expect(onSort).toHaveBeenLastCalledWith({ id: 'size', desc: false });
    expect(onSort).toHaveBeenCalledTimes(4);
  });

  test('another page of rows updates the rows in place, and renders only those that changed', () => {
    const cell = jest.fn((row: Item) => row.name);
    const columns = columnsWith(cell);
    const { rerender } = render(<ListTable columns={columns} rows={items} initialSort={byName} onSort={jest.fn()} />);
    expect(cell).toHaveBeenCalledTimes(3);
    const [, body] = screen.getAllByRole('rowgroup');
    const elements = within(body).getAllByRole('row');
    cell.mockClear();

    // a filter that keeps two rows where they were and brings a new one
    const delta = { id: 'd', name: 'Delta', size: 4 };
    rerender(
      <ListTable columns={columns} rows={[items[0], delta, items[2]]} initialSort={byName} onSort={jest.fn()} />
    );
    expect(cell.mock.calls.map(([row]) => row.id)).toEqual(['d']);
    expect(bodyRows()).toEqual([
      ['Alpha', '3', 'note a'],
      ['Delta', '4', 'note d'],
      ['Gamma', '2', 'note c'],
    ]);
    // the same row elements, showing other rows
    expect(within(body).getAllByRole('row')).toEqual(elements);

    // fewer rows: the others go
    cell.mockClear();
    rerender(
      <ListTable columns={columns} rows={[{ ...items[2], name: 'Gamma 2' }]} initialSort={byName} onSort={jest.fn()} />
    );
    expect(cell.mock.calls.map(([row]) => row.id)).toEqual(['c']);
    expect(bodyRows()).toEqual([['Gamma 2', '2', 'note c']]);
    expect(within(body).getAllByRole('row')[0]).toBe(elements[0]);
  });

  test('rows expand into what the list renders for them, and stay expanded while they are shown', () => {
    const renderExpanded = (row: Item) => <p>{`details of ${row.name}`}</p>;
    const columns = columnsWith();
    const { rerender } = render(
      <ListTable
        columns={columns}
        rows={items}
        initialSort={byName}
        onSort={jest.fn()}
        renderExpandedRow={renderExpanded}
      />
    );
    expect(screen.getAllByRole('columnheader')[0]).toHaveTextContent('Row expander');
    const toggles = screen.getAllByRole('button', { name: 'Toggle row expanded' });
    expect(toggles).toHaveLength(3);
    expect(toggles[1]).toHaveAttribute('aria-expanded', 'false');
    expect(toggles[1]).not.toHaveAttribute('aria-controls');
    expect(screen.queryByText('details of Beta')).not.toBeInTheDocument();

    fireEvent.click(toggles[1]);
    const details = screen.getByText('details of Beta');
    expect(toggles[1]).toHaveAttribute('aria-expanded', 'true');
    const region = details.closest('tr')!;
    expect(toggles[1]).toHaveAttribute('aria-controls', region.id);
    expect(region.id).not.toBe('');
    expect(within(region).getByRole('cell')).toHaveAttribute('colspan', '4');

    // the same row in another list of rows is still expanded
    rerender(
      <ListTable
        columns={columns}
        rows={[items[1], items[2]]}
        initialSort={byName}
        onSort={jest.fn()}
        renderExpandedRow={renderExpanded}
      />
    );
    expect(screen.getByText('details of Beta')).toBeInTheDocument();

    fireEvent.click(screen.getAllByRole('button', { name: 'Toggle row expanded' })[0]);
    expect(screen.queryByText('details of Beta')).not.toBeInTheDocument();
  });
});

describe('nextSort', () => {
  test.each([
    [{ id: 'name', desc: false }, 'name', { id: 'name', desc: true }],
    [{ id: 'name', desc: true }, 'name', { id: 'name', desc: false }],
    [{ id: 'name', desc: true }, 'size', { id: 'size', desc: false }],
  ])('from %p, a click on %s sorts %p', (current, id, expected) => {
    expect(nextSort(current, id)).toEqual(expected);
  });
});
