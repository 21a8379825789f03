import { render, screen } from '@testing-library/react';
import React from 'react';
import { EmbeddedScene, SceneTimeRange } from '@grafana/scenes';
import { PanelLinks } from './PanelLinks';

const links = [
  { title: 'Checkout runbook', url: 'https://runbooks.example.com/checkout', external: true },
  {
    title: 'Runbook: Checkout availability',
    url: 'https://runbooks.example.com/checkout#availability',
    external: true,
  },
  { title: 'Checkout in Business Owner', url: '/a/bizowner-slo-app/services/checkout' },
];

function renderLinks(compact: boolean) {
  const model = new PanelLinks({ links, compact });
  // inside a scene with a time range, as a panel header is
  new EmbeddedScene({ $timeRange: new SceneTimeRange(), body: model as never });
  return render(<model.Component model={model} />);
}

test('a wide panel labels its first runbook; the others are icons named for assistive technology', () => {
  renderLinks(false);
  const [first, second, page] = screen.getAllByRole('link');
  expect(first).toHaveTextContent('Runbook');
  expect(first).toHaveAccessibleName('Runbook: Open Checkout runbook');
  expect(second).toHaveTextContent('');
  expect(second).toHaveAccessibleName('Runbook 2: Open Runbook: Checkout availability');
  expect(second).toHaveAttribute('target', '_blank');
  expect(page).toHaveAccessibleName('Open Checkout in Business Owner');
});

test('a narrow panel shows its first runbook and the service page as icons only, leaving its title the room', () => {
  renderLinks(true);
  const shown = screen.getAllByRole('link');
  expect(shown.map((link) => link.getAttribute('href'))).toEqual([
    'https://runbooks.example.com/checkout',
    '/a/bizowner-slo-app/services/checkout',
  ]);
  for (const link of shown) {
    expect(link).toHaveTextContent('');
  }
  expect(shown[0]).toHaveAccessibleName('Runbook: Open Checkout runbook');
});
