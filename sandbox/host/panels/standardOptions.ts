/**
 * The standard field options (unit, min, max, decimals, thresholds, value mappings, colour, data
 * links, …) for the sandbox. Grafana registers these with editors and processors of its own at
 * start-up; without them a panel plugin drops field overrides such as a table column's unit. The
 * sandbox registers the same ids with pass-through processing and no editors: enough to display
 * generated dashboards, not to edit them.
 */
import { FieldConfigPropertyItem, standardFieldConfigEditorRegistry } from '@grafana/data';

const IDS = [
  'unit',
  'min',
  'max',
  'decimals',
  'displayName',
  'noValue',
  'thresholds',
  'mappings',
  'color',
  'links',
  'filterable',
];

/** An option that keeps its value as set. */
export function passThroughOption(id: string): FieldConfigPropertyItem {
  return {
    id,
    path: id,
    name: id,
    editor: () => null,
    override: () => null,
    process: (value: unknown) => value,
    shouldApply: () => true,
  };
}

let registered = false;

/** Registers the standard options once; Grafana's own registry is never initialised in the sandbox. */
export function registerStandardOptions(): void {
  if (!registered) {
    registered = true;
    standardFieldConfigEditorRegistry.setInit(() => IDS.map(passThroughOption));
  }
}
