/**
 * Services list benchmark in jsdom: time to first render and to filter, sort and page, for 500 to
 * 5,000 services, plus the pure row building and query steps underneath.
 *
 * Run: npx jest --rootDir . --testMatch '<rootDir>/bench/registry-list.ts' --testPathIgnorePatterns /node_modules/ --maxWorkers 1
 *
 * jsdom does no layout or paint, so these figures count React and @grafana/ui work only; browser
 * figures come from the sandbox.
 */
import React from 'react';
import { act, cleanup, screen } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { buildServiceRows } from '../src/domain/registryView/serviceRows';
import { defaultQuery, queryServices } from '../src/domain/registryView/servicesQuery';
import { ServicesList } from '../src/pages/Services/list/ServicesList';
import { manyServices } from '../src/domain/testing/manyServices';
import { renderWithRegistry } from '../src/pages/testing/registryHarness';
import { servicesUrl } from '../src/routing';

const SIZES = [500, 1000, 5000];
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Renders the list and waits, in short steps, until the first row is in the document. */
async function firstRender(count: number, doc: ReturnType<typeof manyServices>): Promise<number> {
  const start = performance.now();
  renderWithRegistry(React.createElement(ServicesList), { doc, path: servicesUrl() });
  while (!screen.queryByText('Service 0')) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
    });
  }
  return performance.now() - start;
}

async function measure(count: number) {
  const doc = manyServices(count);
  const rows = buildServiceRows(doc);
  const build = median(Array.from({ length: RUNS }, () => timed(() => buildServiceRows(doc))));
  const query = median(
    Array.from({ length: RUNS }, () =>
      timed(() => queryServices(rows, { ...defaultQuery(), text: 'service 4', owners: ['_none'] }))
    )
  );
  const renders: number[] = [];
  const filters: number[] = [];
  const sorts: number[] = [];
  const pages: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    renders.push(await firstRender(count, doc));
    filters.push(timed(() => act(() => locationService.partial({ q: 'service 4' }, true))));
    sorts.push(timed(() => act(() => locationService.partial({ q: undefined, sort: 'owner', dir: 'desc' }, true))));
    pages.push(timed(() => act(() => locationService.partial({ page: '3' }, true))));
    cleanup();
  }
  return {
    count,
    build,
    query,
    render: median(renders),
    filter: median(filters),
    sort: median(sorts),
    page: median(pages),
  };
}

test('services list benchmark', async () => {
  await measure(200); // warm-up: module initialisation and first emotion styles
  const results = [];
  for (const size of SIZES) {
    results.push(await measure(size));
  }
  const ms = (value: number) => value.toFixed(0);
  const lines = [
    '| services | build rows (ms) | filter+sort query (ms) | first render (ms) | filter in UI (ms) | sort in UI (ms) | page in UI (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.count.toLocaleString('en')} | ${ms(r.build)} | ${ms(r.query)} | ${ms(r.render)} | ${ms(r.filter)} | ${ms(r.sort)} | ${ms(r.page)} |`
    ),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}, 600000);
