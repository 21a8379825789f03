import React from 'react';
import { act, render, screen } from '@testing-library/react';
import { testIds } from '../testIds';
import { LiveDataNotice } from './LiveDataNotice';

describe('LiveDataNotice', () => {
  afterEach(() => jest.useRealTimers());

  test('while reading: names the data source and counts the seconds', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    render(<LiveDataNotice state={{ kind: 'reading', since: 1_000_000 - 3_000 }} dataSource="Prometheus EU" />);
    const notice = screen.getByTestId(testIds.services.liveNotice);
    expect(notice).toHaveTextContent('Reading live values from Prometheus EU… (3 s)');
    expect(notice).not.toHaveTextContent(/generated dashboards/);
    act(() => {
      jest.advanceTimersByTime(2_000);
    });
    expect(notice).toHaveTextContent('Reading live values from Prometheus EU… (5 s)');
  });

  test('a failed read names the data source and its answer', () => {
    render(
      <LiveDataNotice state={{ kind: 'queryFailed', message: 'connection refused' }} dataSource="Prometheus EU" />
    );
    const notice = screen.getByTestId(testIds.services.liveNotice);
    expect(notice).toHaveTextContent('Could not read live values from Prometheus EU');
    expect(notice).toHaveTextContent('Prometheus EU answered: connection refused.');
  });

  test('rules not loaded: says so, what is shown meanwhile, and how to load them', () => {
    render(
      <LiveDataNotice state={{ kind: 'rulesNotLoaded', recorded: 0, raw: 3, none: 1 }} dataSource="Prometheus EU" />
    );
    const notice = screen.getByTestId(testIds.services.liveNotice);
    expect(notice).toHaveTextContent('The recording rules are not loaded in Prometheus EU yet');
    expect(notice).toHaveTextContent('Read with their raw SLI queries meanwhile (slower, and without alert states): 3');
    expect(notice).toHaveTextContent('Showing no data: 1 of the SLOs.');
    expect(notice).toHaveTextContent('add them to the rule_files of Prometheus EU');
    expect(screen.getByText('Open the SLO list').closest('a')).toHaveAttribute('href', '/a/bizowner-slo-app/slos');
  });

  test('rules of some SLOs missing: counts them', () => {
    render(
      <LiveDataNotice state={{ kind: 'rulesNotLoaded', recorded: 5, raw: 2, none: 0 }} dataSource="Prometheus EU" />
    );
    expect(screen.getByTestId(testIds.services.liveNotice)).toHaveTextContent(
      'Recording rules not loaded in Prometheus EU for 2 of the SLOs'
    );
  });

  test('no data source: points to the configuration page', () => {
    render(<LiveDataNotice state={{ kind: 'noDataSource' }} dataSource="" />);
    expect(screen.getByTestId(testIds.services.liveNotice)).toHaveTextContent('No data source yet');
    expect(screen.getByText('Choose a data source').closest('a')).toHaveAttribute('href', '/plugins/bizowner-slo-app');
  });

  test('every SLO read from its rules: nothing to say', () => {
    render(<LiveDataNotice state={undefined} dataSource="Prometheus EU" />);
    expect(screen.queryByTestId(testIds.services.liveNotice)).not.toBeInTheDocument();
  });
});
