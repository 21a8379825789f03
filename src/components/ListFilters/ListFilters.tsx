import React, { ReactNode, useId } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, ComboboxOption, FilterInput, MultiCombobox, Stack, useStyles2 } from '@grafana/ui';

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
      <FilterInput
        className={styles.search}
        value={searchText}
        onChange={onSearch}
        placeholder={searchPlaceholder}
        aria-label={searchPlaceholder}
        data-testid={searchTestId}
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
}

/** A multi-select filter that reports the chosen values, not the options. */
export function MultiFilter<T extends string | number>({
  options,
  value,
  onChange,
  placeholder,
  minWidth,
}: MultiFilterProps<T>) {
  // The placeholder names the filter only while nothing is chosen; this text names it always.
  const nameId = useId();
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
});
