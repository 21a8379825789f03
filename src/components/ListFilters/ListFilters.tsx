import React, { memo, ReactNode, useEffect, useId, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, ComboboxOption, FilterInput, MultiCombobox, Stack, useStyles2 } from '@grafana/ui';
import { afterNextFrame } from '../afterNextFrame';

interface ListFiltersProps {
  searchText: string;
  onSearch(text: string): void;
  searchPlaceholder: string;
  searchTestId: string;
  /** Whether any filter is set; only then the clear button shows. */
  filtered: boolean;
  onClear(): void;
  clearLabel: string;
  clearTestId: string;
  /** The filter controls, between the search box and the clear button. */
  children: ReactNode;
}

/**
 * The search box, rendered again only when its text or its props change: a choice in a picker
 * leaves it alone when `onSearch` keeps its identity.
 */
const SearchBox = memo(function SearchBox({
  value,
  onSearch,
  placeholder,
  testId,
  className,
}: {
  value: string;
  onSearch(text: string): void;
  placeholder: string;
  testId: string;
  className: string;
}) {
  return (
    <FilterInput
      className={className}
      value={value}
      onChange={onSearch}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
    />
  );
});

/** A list's search box above its filter controls and a button that clears them; texts come translated. */
export function ListFilters({
  searchText,
  onSearch,
  searchPlaceholder,
  searchTestId,
  filtered,
  onClear,
  clearLabel,
  clearTestId,
  children,
}: ListFiltersProps) {
  const styles = useStyles2(getStyles);
  return (
    <Stack direction="column" gap={1}>
      <SearchBox
        className={styles.search}
        value={searchText}
        onSearch={onSearch}
        placeholder={searchPlaceholder}
        testId={searchTestId}
      />
      <Stack gap={1} wrap="wrap" alignItems="center">
        {children}
        {filtered && (
          <Button variant="secondary" fill="text" icon="times" onClick={onClear} data-testid={clearTestId}>
            {clearLabel}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

interface MultiFilterProps<T extends string | number> {
  options: Array<ComboboxOption<T>>;
  value: T[];
  onChange(values: T[]): void;
  placeholder: string;
  minWidth: number;
  /** Keeps the box in the picker's place, e.g. while its choices are not known yet. */
  pending?: boolean;
}

/**
 * Whether the first frame of the component has been painted. Grafana's multi-select measures its
 * options, the page's scrollbar and its own width when it mounts, several times the cost of a table
 * row; a list mounts its pickers right after the first frame, so that its rows show first.
 */
function useAfterFirstPaint(now: boolean): boolean {
  const [painted, setPainted] = useState(now);
  useEffect(() => {
    if (painted) {
      return;
    }
    return afterNextFrame(() => setPainted(true));
  }, [painted]);
  return painted;
}

/**
 * A multi-select filter that reports the chosen values, not the options. Until the list's first
 * frame is painted it shows a box of the same size with its name; with values chosen (e.g. from
 * the address) the picker mounts at once.
 */
export function MultiFilter<T extends string | number>({
  options,
  value,
  onChange,
  placeholder,
  minWidth,
  pending = false,
}: MultiFilterProps<T>) {
  const styles = useStyles2(getStyles);
  // The placeholder names the filter only while nothing is chosen; this text names it always.
  const nameId = useId();
  const ready = useAfterFirstPaint(value.length > 0);
  if (!ready || pending) {
    return (
      <div className={styles.pending} style={{ minWidth: `${minWidth * 8}px` }} aria-hidden data-pending-filter>
        {placeholder}
      </div>
    );
  }
  return (
    <>
      <span id={nameId} hidden>
        {placeholder}
      </span>
      <MultiCombobox<T>
        aria-labelledby={nameId}
        options={options}
        value={value}
        onChange={(chosen) => onChange(chosen.map((option) => option.value))}
        placeholder={placeholder}
        width="auto"
        minWidth={minWidth}
      />
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  search: css({
    maxWidth: theme.spacing(80),
  }),
  // The closed picker's box: its height, border, padding and placeholder text.
  pending: css({
    height: theme.spacing(theme.components.height.md),
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0, 1),
    border: `1px solid ${theme.components.input.borderColor}`,
    borderRadius: theme.shape.radius.default,
    background: theme.components.input.background,
    color: theme.colors.text.disabled,
    fontSize: theme.typography.body.fontSize,
    whiteSpace: 'nowrap',
  }),
});
