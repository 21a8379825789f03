import React, { useId, useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Field, TextArea, useStyles2 } from '@grafana/ui';
import { QueryProblem } from '../../domain/query/problem';
import { testIds } from '../testIds';

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange(value: string): void;
  /** Parser of the query language (e.g. `checkPromQL`); runs on every keystroke. */
  check(text: string): QueryProblem[];
  /** An error found by the form's validator on save, shown when the parser found none. */
  error?: string;
  placeholder?: string;
  'data-testid'?: string;
}

/**
 * A query input that checks its text as the user types: the first syntax or type error is shown
 * under the field with its position, and the offending characters are marked in a copy of the
 * query, so the user sees what the parser saw without waiting for a save.
 */
export function QueryField({ label, description, value, onChange, check, error, placeholder, ...rest }: Props) {
  const styles = useStyles2(getStyles);
  const problems = useMemo(() => (value.trim() === '' ? [] : check(value)), [value, check]);
  const first = problems.find((problem) => problem.severity !== 'warning') ?? problems[0];
  const message = first?.message ?? error;
  // the child is a fragment, so Field cannot read the id from it: the label names it itself
  const id = useId();
  return (
    <Field
      label={label}
      description={description}
      invalid={Boolean(message)}
      error={message}
      className={styles.field}
      htmlFor={id}
    >
      <>
        <TextArea
          id={id}
          className={styles.input}
          value={value}
          rows={Math.min(6, Math.max(2, value.split('\n').length))}
          spellCheck={false}
          placeholder={placeholder}
          onChange={(event) => onChange(event.currentTarget.value)}
          data-testid={rest['data-testid'] ?? testIds.sloEditor.query}
        />
        {first && (
          <pre className={styles.excerpt} data-testid={testIds.sloEditor.queryError} aria-hidden>
            {value.slice(0, first.from)}
            <mark className={styles.mark}>{value.slice(first.from, Math.max(first.to, first.from + 1)) || ' '}</mark>
            {value.slice(Math.max(first.to, first.from + 1))}
          </pre>
        )}
      </>
    </Field>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  field: css({
    width: '100%',
  }),
  input: css({
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  excerpt: css({
    margin: theme.spacing(0.5, 0, 0),
    padding: theme.spacing(0.5, 1),
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: theme.colors.background.secondary,
  }),
  mark: css({
    background: theme.colors.error.transparent,
    color: theme.colors.error.text,
    textDecoration: `underline wavy ${theme.colors.error.border}`,
  }),
});
