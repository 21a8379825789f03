import React from 'react';
import { DataSourceInstanceSettings } from '@grafana/data';
import type { DataSourcePickerProps } from '@grafana/runtime';

/** The data sources the fake picker offers: two of each kind the config page cares about, and one it must not offer. */
export const FAKE_DATA_SOURCES = [
  { uid: 'prom-main', name: 'Prometheus main', type: 'prometheus' },
  { uid: 'prom-cost', name: 'OpenCost', type: 'prometheus' },
  { uid: 'loki-main', name: 'Loki main', type: 'loki' },
  { uid: 'billing-pg', name: 'Billing DB', type: 'grafana-postgresql-datasource' },
  { uid: 'billing-mysql', name: 'Billing MySQL', type: 'mysql' },
  { uid: 'tempo', name: 'Tempo', type: 'tempo' },
] as unknown as DataSourceInstanceSettings[];

/**
 * Stands in for Grafana's `DataSourcePicker` (which needs a running Grafana's data source list):
 * a native select offering the data sources that match the `type`/`pluginId`/`filter` props.
 */
export function FakeDataSourcePicker({
  inputId,
  current,
  type,
  pluginId,
  filter,
  disabled,
  onChange,
}: DataSourcePickerProps) {
  const types = type === undefined ? undefined : Array.isArray(type) ? type : [type];
  const options = FAKE_DATA_SOURCES.filter(
    (ds) => (!types || types.includes(ds.type)) && (!pluginId || ds.type === pluginId) && (!filter || filter(ds))
  );
  const value = typeof current === 'string' ? current : (current?.uid ?? '');
  return (
    <select
      id={inputId}
      aria-label={inputId}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const ds = options.find((option) => option.uid === event.currentTarget.value);
        if (ds) {
          onChange(ds);
        }
      }}
    >
      <option value="" />
      {options.map((ds) => (
        <option key={ds.uid} value={ds.uid}>
          {ds.name}
        </option>
      ))}
    </select>
  );
}
