import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { FilterInput } from '@grafana/ui';
import { ListFilters, MultiFilter } from './ListFilters';

// Grafana's search box, counting its renders.
jest.mock('@grafana/ui', () => {
  const actual = jest.requireActual('@grafana/ui');
  const { createElement } = jest.requireActual('react');
  return { ...actual, FilterInput: jest.fn((props) => createElement(actual.FilterInput, props)) };
});

// jsdom has no canvas; the picker measures its longest option's text.
HTMLCanvasElement.prototype.getContext = (() => ({
  measureText: (text: string) => ({ width: text.length * 8 }),
})) as unknown as HTMLCanvasElement['getContext'];

const OPTIONS = [
  { value: 'ana', label: 'Ana Lima' },
  { value: 'bruno', label: 'Bruno Reis' },
];

describe('MultiFilter', () => {
  test('shows a box with its name in the first frame and the picker after it', async () => {
    render(<MultiFilter<string> options={OPTIONS} value={[]} onChange={jest.fn()} placeholder="Owner" minWidth={20} />);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    const box = screen.getByText('Owner');
    expect(box).toHaveAttribute('aria-hidden');
    expect(box).toHaveStyle({ minWidth: '160px' });

    const picker = await screen.findByRole('combobox', { name: 'Owner' });
    expect(picker).toHaveAttribute('placeholder', 'Owner');
    expect(box).not.toBeInTheDocument();
  });

  test('mounts the picker at once when values are chosen, so they show in the first frame', () => {
    render(
      <MultiFilter<string> options={OPTIONS} value={['bruno']} onChange={jest.fn()} placeholder="Owner" minWidth={20} />
    );
    expect(screen.getByRole('combobox', { name: 'Owner' })).toBeInTheDocument();
    expect(screen.getByText('Bruno Reis')).toBeInTheDocument();
  });
});

describe('ListFilters', () => {
  const props = {
    searchPlaceholder: 'Search',
    searchTestId: 'list-search',
    filtered: false,
    onClear: jest.fn(),
    clearLabel: 'Clear filters',
    clearTestId: 'clear',
  };

  test('the search box reports the text typed, and renders again only when its text changes', () => {
    const onSearch = jest.fn();
    const searchBox = FilterInput as unknown as jest.Mock;
    searchBox.mockClear();
    const { rerender } = render(
      <ListFilters {...props} searchText="" onSearch={onSearch}>
        <span>picker</span>
      </ListFilters>
    );
    fireEvent.change(screen.getByTestId('list-search'), { target: { value: 'pay' } });
    expect(onSearch).toHaveBeenCalledWith('pay');
    const renders = searchBox.mock.calls.length;

    // a choice in a picker: other children, another filter state, the same search
    rerender(
      <ListFilters {...props} filtered searchText="" onSearch={onSearch}>
        <span>picker with a choice</span>
      </ListFilters>
    );
    expect(screen.getByTestId('clear')).toBeInTheDocument();
    expect(searchBox.mock.calls).toHaveLength(renders);

    rerender(
      <ListFilters {...props} filtered searchText="pay" onSearch={onSearch}>
        <span>picker with a choice</span>
      </ListFilters>
    );
    expect(searchBox.mock.calls).toHaveLength(renders + 1);
    expect(screen.getByTestId('list-search')).toHaveValue('pay');
  });
});
