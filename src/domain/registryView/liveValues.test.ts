import { liveValuesGap, SloLiveValues } from './liveValues';

const recorded: SloLiveValues = { source: 'recorded', budgetLeft: 0.5 };
const raw: SloLiveValues = { source: 'raw', budgetLeft: 0.5 };
const noSeries: SloLiveValues = { source: 'none', reason: { kind: 'noSeries' } };
const failed: SloLiveValues = { source: 'none', reason: { kind: 'queryFailed', message: 'connection refused' } };
const noLoki: SloLiveValues = { source: 'none', reason: { kind: 'noDataSource', language: 'logql' } };

describe('liveValuesGap', () => {
  test.each<[string, boolean, Record<string, SloLiveValues> | undefined, ReturnType<typeof liveValuesGap>]>([
    ['no Prometheus data source', false, { a: recorded }, { kind: 'noDataSource' }],
    ['every SLO read from its rules', true, { a: recorded, b: recorded }, undefined],
    ['values given without sources', true, { a: { budgetLeft: 0.4 } }, undefined],
    ['a failed read wins', true, { a: failed, b: failed }, { kind: 'queryFailed', message: 'connection refused' }],
    [
      "one SLO's failed query leaves the values read standing",
      true,
      { a: recorded, b: raw, c: failed },
      { kind: 'rulesNotLoaded', recorded: 1, raw: 1, none: 1 },
    ],
    ['no rules loaded at all', true, { a: raw, b: noSeries }, { kind: 'rulesNotLoaded', recorded: 0, raw: 1, none: 1 }],
    [
      'rules of some SLOs missing',
      true,
      { a: recorded, b: raw },
      { kind: 'rulesNotLoaded', recorded: 1, raw: 1, none: 0 },
    ],
    ['a log SLI without Loki is not a missing rule', true, { a: recorded, b: noLoki }, undefined],
  ])('%s', (_name, configured, slos, gap) => {
    expect(liveValuesGap(configured, slos)).toEqual(gap);
  });
});
