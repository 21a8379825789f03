import { expect, Page } from '@playwright/test';

/**
 * Collects uncaught errors of the page; `assertClean` fails the test if there were any or if an
 * error boundary (Grafana's or @grafana/ui's) replaced part of the page. Console errors are not
 * counted: Grafana itself logs some that have nothing to do with the app.
 */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    async assertClean() {
      await expect(page.getByText('An unexpected error happened')).toHaveCount(0);
      expect(problems).toEqual([]);
    },
  };
}
