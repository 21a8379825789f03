import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { locationUtil } from '@grafana/data';
import { config, locationService } from '@grafana/runtime';
import { appHref, RowLink } from './RowLink';

describe('RowLink', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a plain click opens the page through the router', () => {
    const push = jest.spyOn(locationService, 'push');
    render(<RowLink href="/a/bizowner-slo-app/services/checkout">Checkout</RowLink>);
    const link = screen.getByRole('link', { name: 'Checkout' });
    expect(link).toHaveAttribute('href', '/a/bizowner-slo-app/services/checkout');

    const followedByBrowser = fireEvent.click(link);
    expect(followedByBrowser).toBe(false);
    expect(push).toHaveBeenCalledWith('/a/bizowner-slo-app/services/checkout');
    expect(locationService.getLocation().pathname).toBe('/a/bizowner-slo-app/services/checkout');
  });

  test.each([{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }])(
    'a click with %p is left to the browser (a new tab or window)',
    (init) => {
      const push = jest.spyOn(locationService, 'push');
      render(<RowLink href="/a/bizowner-slo-app/people/ana">Ana</RowLink>);
      const followedByBrowser = fireEvent.click(screen.getByRole('link', { name: 'Ana' }), init);
      expect(followedByBrowser).toBe(true);
      expect(push).not.toHaveBeenCalled();
    }
  );
});

/** Grafana's location helpers reading `config`, as Grafana sets them up. */
function initializeLocation() {
  locationUtil.initialize({
    config: config as unknown as Parameters<typeof locationUtil.initialize>[0]['config'],
    getTimeRangeForUrl: jest.fn(),
    getVariablesUrlParams: jest.fn(),
  });
}

describe('appHref', () => {
  const subUrl = config.appSubUrl;
  afterEach(() => {
    config.appSubUrl = subUrl;
    initializeLocation();
  });

  test.each(['', '/grafana', '/grafana/'])('with Grafana under %p, the address Grafana’s own helper makes', (base) => {
    config.appSubUrl = base;
    initializeLocation();
    for (const href of [
      '/a/bizowner-slo-app/services/checkout',
      '/a/bizowner-slo-app/people/ana?tab=slos',
      '/grafana/a/bizowner-slo-app/slos',
      '/grafana',
      '/',
      'https://grafana.example.com/a/bizowner-slo-app/services',
      'services/checkout',
    ]) {
      expect([href, appHref(href)]).toEqual([href, locationUtil.assureBaseUrl(href)]);
    }
  });
});
