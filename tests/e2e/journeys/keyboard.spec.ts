import { expect, Locator, Page, test } from '@playwright/test';
import { testIds } from '../../../src/components/testIds';
import { sloEditUrl, slosUrl, sloUrl } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(14);

/** More Tab presses than any page of the app needs to reach a control from the previous one. */
const MAX_TABS = 80;

/**
 * Presses Tab until `target` has the focus, and fails when it never gets it: the control can be
 * reached with the keyboard, in the page's own focus order.
 */
async function tabTo(page: Page, target: Locator) {
  await target.waitFor({ state: 'attached', timeout: 10000 });
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  await expect(target, `not reached after ${MAX_TABS} presses of Tab`).toBeFocused();
}

/** Types into the focused control after selecting what it holds, as a person replacing a value does. */
async function replaceText(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('an SLO is created for an existing service from the keyboard alone, and appears in the list', async ({ page }) => {
  const watcher = watchPage(page);
  const before = await sandbox().registry();
  expect(before.services.map((service) => service.id)).toContain('payments');
  const name = 'Payments refunds availability';
  const id = 'payments-refunds-availability';
  expect(before.slos.map((slo) => slo.id)).not.toContain(id);

  // From the SLO list to the editor of a new SLO.
  await page.goto(slosUrl());
  await page.getByTestId(testIds.slos.list).waitFor();
  await tabTo(page, page.getByTestId(testIds.slos.create));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === sloEditUrl());
  const form = page.getByTestId(testIds.sloEditor.form);
  await form.waitFor();

  // The service: typed into its picker and chosen from the list with the arrow keys.
  const service = page.getByRole('combobox', { name: 'Service' });
  await tabTo(page, service);
  await page.keyboard.type('Payments');
  await expect(page.getByRole('option', { name: /^Payments/ }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(service).toHaveValue('Payments');

  await tabTo(page, page.getByLabel('Name', { exact: true }));
  await page.keyboard.type(name);
  await expect(page.getByLabel('Id', { exact: true })).toHaveValue(id);
  await tabTo(page, page.getByLabel('Description'));
  await page.keyboard.type('Refund requests answered without a server error.');

  // The SLI: a ratio of bad to all requests, the two queries typed into their fields.
  await tabTo(page, page.getByRole('radio', { name: 'Ratio', exact: true }));
  await expect(page.getByRole('radio', { name: 'Ratio', exact: true })).toBeChecked();
  await tabTo(page, page.getByRole('textbox', { name: /^Bad events/ }));
  await page.keyboard.type('http_requests_total{service="payments",route="/refunds",code=~"5.."}');
  await tabTo(page, page.getByRole('textbox', { name: /^All events/ }));
  await page.keyboard.type('http_requests_total{service="payments",route="/refunds"}');

  // Objective and window; the arrow keys move through the window's choices.
  await tabTo(page, page.getByLabel('Objective (%)'));
  await replaceText(page, '99.5');
  const windows = page.getByRole('radiogroup', { name: 'Window' });
  await tabTo(page, windows.getByRole('radio', { name: '30d' }));
  await expect(windows.getByRole('radio', { name: '30d' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(windows.getByRole('radio', { name: '28d' })).toBeChecked();
  await expect(page.getByTestId(testIds.sloEditor.budgetTime)).toContainText('99.5% over 28 days');

  // Alerting: the 28-day workbook windows, one tier off, a paging label, runbook and alert name.
  const presets = page.getByRole('radiogroup', { name: 'Alert windows' });
  await tabTo(page, presets.getByRole('radio', { checked: true }));
  await page.keyboard.press('ArrowRight');
  await expect(presets.getByRole('radio', { name: 'SRE workbook, 28 days' })).toBeChecked();
  const lastTier = page.getByTestId(testIds.sloEditor.tiers).getByRole('checkbox').last();
  await tabTo(page, lastTier);
  await page.keyboard.press('Space');
  await expect(lastTier).not.toBeChecked();
  const pageLabels = page.getByRole('group', { name: 'Labels of paging alerts' });
  await tabTo(page, pageLabels.getByRole('button', { name: 'Add label' }));
  await page.keyboard.press('Enter');
  await tabTo(page, pageLabels.getByLabel('Name of label 1'));
  await page.keyboard.type('team');
  await tabTo(page, pageLabels.getByLabel('Value of label 1'));
  await page.keyboard.type('payments');
  await tabTo(page, page.getByLabel('Runbook URL'));
  await page.keyboard.type('https://runbooks.example.com/payments/refunds');
  await tabTo(page, page.getByLabel('Alert name'));
  await page.keyboard.type('PaymentsRefundsBurnRate');
  await tabTo(page, page.getByLabel('Minimum events'));
  await page.keyboard.type('50');
  await journeyScreenshot(page, 'keyboard-slo-editor');

  // Saving lands on the SLO list, filtered to the new SLO.
  await tabTo(page, page.getByTestId(testIds.sloEditor.save));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === slosUrl());
  const link = page.getByTestId(testIds.slos.list).getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  await journeyScreenshot(page, 'keyboard-slo-list');

  const saved = (await sandbox().registry()).slos.find((slo) => slo.id === id);
  expect(saved).toMatchObject({
    serviceId: 'payments',
    name,
    description: 'Refund requests answered without a server error.',
    objective: 99.5,
    window: '28d',
    sli: {
      kind: 'ratio',
      bad: 'http_requests_total{service="payments",route="/refunds",code=~"5.."}',
      total: 'http_requests_total{service="payments",route="/refunds"}',
    },
    alerting: {
      enabled: true,
      preset: 'google-28d',
      pageLabels: { team: 'payments' },
      runbookUrl: 'https://runbooks.example.com/payments/refunds',
      name: 'PaymentsRefundsBurnRate',
      minEvents: 50,
    },
  });
  expect(saved?.alerting.disabledTiers).toHaveLength(1);

  // From the list, the keyboard opens the new SLO's page, and from there its editor.
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === sloUrl(id));
  await tabTo(page, page.getByTestId(testIds.sloPage.edit));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === sloEditUrl(id));
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await watcher.assertClean();
});
