import { HistoryEntry } from '../../../storage/history';
import { sloChanges, sloEditEvents } from './sloEdits';

const entry = (version: number, summary: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  version,
  at: `2026-11-0${version}T10:00:00Z`,
  by: 'ana',
  summary,
  restorable: true,
  ...extra,
});

const entries = [
  entry(1, 'service checkout added, SLO checkout-availability added'),
  entry(2, 'SLO checkout-availability-2 changed'),
  entry(3, 'service checkout changed'),
  entry(4, 'SLO checkout-latency changed, SLO checkout-availability changed'),
  entry(5, 'service checkout changed', { restoredFrom: 1 }),
];

test('keeps the changes naming the SLO exactly, and restores of the service', () => {
  expect(sloChanges(entries, 'checkout-availability').map((change) => change.version)).toEqual([1, 4, 5]);
  expect(sloChanges(entries, 'checkout-availability-2').map((change) => change.version)).toEqual([2, 5]);
});

test('each kept change becomes an event at its time with who and which version', () => {
  expect(sloEditEvents({ ok: true, entries, version: 5 }, 'checkout-availability-2')).toEqual([
    { time: Date.parse('2026-11-02T10:00:00Z'), title: 'Edited by ana (version 2)', text: entries[1].summary },
    { time: Date.parse('2026-11-05T10:00:00Z'), title: 'Edited by ana (version 5)', text: entries[4].summary },
  ]);
});

test('a history that cannot be read draws no edits', () => {
  expect(sloEditEvents({ ok: false, message: 'forbidden' }, 'checkout-availability')).toEqual([]);
});
