import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { installFakeDataSources } from '../../../api/testing/fakeDataSource';
import { testIds } from '../../../components/testIds';
import { Kpi } from '../../../domain/model';
import { KpisSection } from './KpisSection';

const prometheus = { uid: 'prom', type: 'prometheus' };

const revenue: Kpi = {
  id: 'revenue',
  name: 'Revenue per hour',
  query: 'sum(rate(revenue_usd_total[1h])) * 3600',
  unit: 'currencyUSD',
  target: 10000,
  direction: 'higher',
};
const abandonment: Kpi = {
  id: 'abandonment',
  name: 'Cart abandonment',
  query: 'abandoned / started',
  unit: 'percentunit',
  target: 0.2,
  direction: 'lower',
};
const signups: Kpi = { id: 'signups', name: 'Sign-ups', query: 'sum(signups)', unit: 'short' };
const broken: Kpi = { id: 'broken', name: 'Broken', query: 'sum(', unit: 'short' };

function kpiBlock(name: string): HTMLElement {
  return screen.getAllByTestId(testIds.services.kpi).find((block) => within(block).queryByText(name))!;
}

describe('KpisSection', () => {
  test('reads every KPI in one request and holds each value against its target and direction', async () => {
    const fake = installFakeDataSources((expr) => {
      if (expr === revenue.query) {
        return [{ labels: {}, value: 12500 }];
      }
      if (expr === abandonment.query) {
        return [{ labels: {}, value: 0.31 }];
      }
      if (expr === broken.query) {
        return { error: 'parse error: unexpected end of input' };
      }
      return [];
    });
    render(<KpisSection kpis={[revenue, abandonment, signups, broken]} prometheus={prometheus} />);
    expect(await within(kpiBlock('Revenue per hour')).findByText('$12.5K')).toBeInTheDocument();
    expect(within(kpiBlock('Revenue per hour')).getByText('meets target')).toBeInTheDocument();
    expect(within(kpiBlock('Revenue per hour')).getByText('target: at least $10K')).toBeInTheDocument();
    // lower is better: 31% is above the 20% ceiling
    expect(within(kpiBlock('Cart abandonment')).getByText('31%')).toBeInTheDocument();
    expect(within(kpiBlock('Cart abandonment')).getByText('misses target')).toBeInTheDocument();
    expect(within(kpiBlock('Cart abandonment')).getByText('target: at most 20%')).toBeInTheDocument();
    expect(within(kpiBlock('Sign-ups')).getByText(/No data: the query returned no series/)).toBeInTheDocument();
    expect(
      within(kpiBlock('Broken')).getByText('Could not read from prom: parse error: unexpected end of input')
    ).toBeInTheDocument();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].request.targets).toHaveLength(4);
  });

  test('while reading, says from which data source and for how long', async () => {
    setDataSourceSrv({
      get: async () => ({ query: () => new Promise(() => undefined) }),
      getInstanceSettings: () => ({ uid: 'prom', name: 'Prometheus EU', type: 'prometheus' }),
      getList: () => [],
    } as unknown as DataSourceSrv);
    render(<KpisSection kpis={[revenue]} prometheus={prometheus} />);
    expect(await screen.findByText(/^Reading from Prometheus EU… \(\d+ s\)$/)).toBeInTheDocument();
    expect(screen.queryByText(/Current value: —/)).not.toBeInTheDocument();
  });

  test('without a data source, says so and reads nothing', () => {
    const fake = installFakeDataSources(() => []);
    render(<KpisSection kpis={[revenue]} />);
    expect(screen.getByText(/Current value: — \(no data source yet/)).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });
});
