import { test, expect } from './fixtures';

test('the configuration page offers the data source pickers', async ({ appConfigPage }) => {
  await expect(appConfigPage.ctx.page.getByText(/Prometheus/).first()).toBeVisible();
});
