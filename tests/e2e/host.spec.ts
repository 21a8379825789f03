import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { hostPackageVersion, sandboxHost } from '../../sandbox/hostPackages';

const ROOT = resolve(__dirname, '..', '..');

// SANDBOX_GRAFANA picks the Grafana the host stands in for; the other specs pass on it only if
// the page really runs that Grafana's packages.
test('the sandbox host runs the Grafana packages and the React it was asked for', async ({ page }) => {
  const host = sandboxHost(ROOT);
  await page.goto('/sandbox');
  await expect(page.getByTestId('sandbox-versions')).toHaveText(
    `Standing in for Grafana ${hostPackageVersion(ROOT, host, '@grafana/runtime')}, on React ${hostPackageVersion(ROOT, host, 'react')}`
  );
});
