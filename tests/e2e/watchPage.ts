import { expect, Page } from '@playwright/test';

/** Messages Chromium logs for reasons outside the app (e.g. Grafana's fonts are not in npm). */
const IGNORED = [/Failed to decode downloaded font/, /OTS parsing error/];

/** Collects uncaught page errors and console errors; `assertClean` fails the test if any. */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !IGNORED.some((pattern) => pattern.test(message.text()))) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return {
    async assertClean() {
      await expect(page.getByTestId('sandbox-fatal')).toHaveCount(0);
      // @grafana/ui's error boundary renders this title when a component throws
      await expect(page.getByText('An unexpected error happened')).toHaveCount(0);
      expect(problems).toEqual([]);
    },
  };
}
