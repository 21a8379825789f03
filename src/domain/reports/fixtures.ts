/**
 * Test fixtures for period reports: a registry with two owners, SLOs of both kinds and two time
 * zones, and Prometheus' answers to a plan's queries built from per-SLO figures, as Prometheus
 * would send them (one series per SLO and measure).
 */
import { RawSeries } from '../incidents';
import { RegistryDocument } from '../model';
import { baseRegistry, baseSlo } from '../testing/builders';
import { ReportPlan } from './plan';
import {
  DAY_MS,
  daysQueryId,
  dayEnds,
  ERRORS,
  figuresQueryId,
  INCIDENTS_QUERY_ID,
  MEASURE,
  RATIO,
  TOTAL,
} from './queries';
import { ReportAnswers } from './types';

/** 2026-12-06 12:00 UTC: November 2026 has ended, December is running. */
export const NOW = Date.UTC(2026, 11, 6, 12);

/**
 * `ana` owns checkout (availability 99.9 % ratio, latency 99 %, a freeform 99.5 %), `bruno` owns
 * payments (availability 99.9 % in Europe/Berlin).
 */
export function reportRegistry(): RegistryDocument {
  const base = baseRegistry();
  return {
    ...base,
    settings: { ...base.settings, prometheus: { uid: 'prom' } },
    slos: [
      baseSlo('ratio', { id: 'checkout-availability', name: 'Checkout availability' }),
      baseSlo('latency', { id: 'checkout-latency', name: 'Checkout latency', objective: 99 }),
      baseSlo('freeform', { id: 'checkout-freeform', name: 'Checkout freeform', objective: 99.5 }),
      baseSlo('ratio', {
        id: 'payments-availability',
        serviceId: 'payments',
        name: 'Payments availability',
        timeZone: 'Europe/Berlin',
      }),
    ],
  };
}

export interface Counts {
  errors: number;
  total: number;
}

/** What Prometheus holds for one SLO over the period: counts or a mean ratio, and per day. */
export interface SloFigures {
  period: Counts | { ratio: number };
  /** Day by day from the period's start; missing days have no samples. */
  days?: Array<Counts | { ratio: number }>;
}

function measureSeries(sloId: string, figures: Counts | { ratio: number }, time: number): RawSeries[] {
  const labelled = (measure: string, value: number): RawSeries => ({
    labels: { sloth_id: sloId, [MEASURE]: measure },
    samples: [[time, value]],
  });
  return 'ratio' in figures
    ? [labelled(RATIO, figures.ratio)]
    : [labelled(ERRORS, figures.errors), labelled(TOTAL, figures.total)];
}

/** The answers to `plan`'s figures and days queries for `figures` by SLO id, and its incidents query. */
export function answersFor(
  plan: ReportPlan,
  figures: Record<string, SloFigures>,
  incidents: RawSeries[] = []
): ReportAnswers {
  const answers: ReportAnswers = { [INCIDENTS_QUERY_ID]: incidents };
  for (const group of plan.groups) {
    const mine = group.sloIds.filter((id) => figures[id]);
    answers[figuresQueryId(group)] = mine.flatMap((id) => measureSeries(id, figures[id].period, group.readEnd));
    const ends = dayEnds(group);
    if (!ends) {
      continue;
    }
    const days: RawSeries[] = [];
    for (const id of mine) {
      (figures[id].days ?? []).forEach((day, index) => {
        const end = group.start + (index + 1) * DAY_MS;
        if (end <= ends.last) {
          days.push(...measureSeries(id, day, end));
        }
      });
    }
    // Prometheus answers one series per SLO and measure with a sample per step.
    const merged = new Map<string, RawSeries>();
    for (const series of days) {
      const key = JSON.stringify(series.labels);
      const known = merged.get(key);
      merged.set(key, known ? { ...known, samples: [...known.samples, ...series.samples] } : series);
    }
    answers[daysQueryId(group)] = [...merged.values()];
  }
  return answers;
}

/**
 * `ALERTS_FOR_STATE` of a page burn alert of `sloId` firing from `start` for `minutes`, one sample a
 * minute whose value is the activation time in seconds.
 */
export function pageAlertFiring(sloId: string, serviceId: string, start: number, minutes: number): RawSeries {
  return {
    labels: {
      __name__: 'ALERTS_FOR_STATE',
      alertname: 'SLOErrorBudgetBurn',
      sloth_id: sloId,
      sloth_service: serviceId,
      sloth_severity: 'page',
      burn_tier: 'page-fast',
    },
    samples: Array.from({ length: minutes }, (_, i): [number, number] => [start + i * 60_000, start / 1000]),
  };
}
