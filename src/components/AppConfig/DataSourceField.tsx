import React from 'react';
import { Field } from '@grafana/ui';
import { DataSourcePicker } from '@grafana/runtime';
import { DataSourceRef } from '../../domain/model';

interface Props {
  label: string;
  description: string;
  /** Data source plugin type offered, e.g. `prometheus`. */
  type: string;
  inputId: string;
  testId: string;
  value?: DataSourceRef;
  disabled: boolean;
  onChange(value: DataSourceRef): void;
}

/** A labelled Grafana data source picker limited to one plugin type, storing `{ uid, type }`. */
export function DataSourceField({ label, description, type, inputId, testId, value, disabled, onChange }: Props) {
  return (
    <Field label={label} description={description} data-testid={testId}>
      <DataSourcePicker
        inputId={inputId}
        current={value?.uid ?? null}
        type={type}
        noDefault
        disabled={disabled}
        onChange={(ds) => onChange({ uid: ds.uid, type: ds.type })}
      />
    </Field>
  );
}
