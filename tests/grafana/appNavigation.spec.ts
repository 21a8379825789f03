import { test, expect } from './fixtures';
import { ROUTES } from '../../src/constants';

test.describe('navigating the app in Grafana', () => {
  for (const route of Object.values(ROUTES)) {
    test(`${route} page renders`, async ({ gotoPage, page }) => {
      await gotoPage(`/${route}`);
      await expect(page.getByRole('heading').first()).toBeVisible();
    });
  }
});
