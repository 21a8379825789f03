import { expect, Locator, Page, test } from '@playwright/test';
import { selectors } from '@grafana/e2e-selectors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testIds } from '../../../src/components/testIds';
import { CONFIG_URL, ROUTES } from '../../../src/constants';
import {
  onCallUrl,
  personCreateUrl,
  personEditUrl,
  personUrl,
  prefixRoute,
  SERVICE_TABS,
  serviceCreateUrl,
  serviceEditUrl,
  servicesImportUrl,
  servicesUrl,
  serviceUrl,
  sloEditUrl,
  slosUrl,
  sloUrl,
} from '../../../src/routing';
import { pageViolations } from '../axe';
import { watchPage } from '../watchPage';
import { journeyPort, startSandbox, useJourneySandbox } from './sandboxInstance';

useJourneySandbox(13);

const SERVICE = 'checkout';
const SLO = 'checkout-availability';
const LATENCY_SLO = 'search-latency';
const PERSON = 'ana';

/** Two Sloth specs in one YAML stream, one with a field Sloth does not know: the import reports it. */
const SLOTH_SPECS = readFileSync(
  join(__dirname, '..', '..', 'integration', 'fixtures', 'cli', 'sloth-two-documents.yaml'),
  'utf8'
);

/** Waits until the page shows `ready` and has no request in flight, so that the scan sees the page drawn. */
async function settle(page: Page, ready: Locator) {
  await expect(ready.first()).toBeVisible({ timeout: 30000 });
  await page.waitForLoadState('networkidle');
}

/** A dashboard view once its panels have drawn their data (or said they have none). */
async function settleDashboard(page: Page) {
  const view = page.getByTestId(testIds.dashboards.view);
  await expect(view).toBeVisible({ timeout: 30000 });
  await expect(view.locator('svg[role="img"], table').first()).toBeVisible({ timeout: 30000 });
  await page.waitForLoadState('networkidle');
}

interface AppPage {
  name: string;
  url: string;
  settle(page: Page): Promise<void>;
}

const byId = (testId: string) => (page: Page) => settle(page, page.getByTestId(testId));

/** Every page of the app, at the address a person opens it by. */
const PAGES: AppPage[] = [
  { name: 'services list', url: servicesUrl(), settle: byId(testIds.services.list) },
  { name: 'service overview', url: serviceUrl(SERVICE), settle: byId(testIds.services.overview) },
  { name: 'service SLOs tab', url: serviceUrl(SERVICE, SERVICE_TABS.slos), settle: byId(testIds.services.sloTable) },
  { name: 'service on-call tab', url: serviceUrl(SERVICE, SERVICE_TABS.onCall), settle: settleDashboard },
  { name: 'service debug tab', url: serviceUrl(SERVICE, SERVICE_TABS.debug), settle: settleDashboard },
  { name: 'service cost tab', url: serviceUrl(SERVICE, SERVICE_TABS.cost), settle: settleDashboard },
  { name: 'new service form', url: serviceCreateUrl(), settle: byId(testIds.services.form) },
  { name: 'service edit form', url: serviceEditUrl(SERVICE), settle: byId(testIds.services.form) },
  { name: 'import page', url: servicesImportUrl(), settle: byId(testIds.importer.text) },
  { name: 'people list', url: prefixRoute(ROUTES.People), settle: byId(testIds.people.list) },
  { name: 'person page', url: personUrl(PERSON), settle: byId(testIds.people.edit) },
  { name: 'new person form', url: personCreateUrl(), settle: byId(testIds.people.form) },
  { name: 'person edit form', url: personEditUrl(PERSON), settle: byId(testIds.people.form) },
  { name: 'SLO list', url: slosUrl(), settle: byId(testIds.slos.list) },
  {
    name: 'SLO page',
    url: sloUrl(SLO),
    settle: async (page) => {
      await expect(page.getByTestId(testIds.sloPage.header)).toBeVisible({ timeout: 30000 });
      await settleDashboard(page);
    },
  },
  { name: 'new SLO editor', url: sloEditUrl(), settle: byId(testIds.sloEditor.form) },
  { name: 'SLO editor with preview and rules', url: sloEditUrl(SLO), settle: byId(testIds.sloEditor.previewSummary) },
  { name: 'latency SLO editor', url: sloEditUrl(LATENCY_SLO), settle: byId(testIds.sloEditor.previewSummary) },
  { name: 'executive view', url: prefixRoute(ROUTES.Executive), settle: settleDashboard },
  { name: 'standalone on-call view', url: onCallUrl(SERVICE), settle: settleDashboard },
  { name: 'governance', url: prefixRoute(ROUTES.Governance), settle: byId(testIds.governance.summary) },
  { name: 'configuration page', url: CONFIG_URL, settle: byId(testIds.appConfig.container) },
  { name: 'period reports', url: prefixRoute(ROUTES.Reports), settle: byId(testIds.reports.table) },
  { name: 'unknown address', url: prefixRoute('invoices'), settle: byId(testIds.notFound.page) },
];

/** The pages that say what to do when the registry is empty. */
const EMPTY_PAGES: AppPage[] = [
  { name: 'services list', url: servicesUrl(), settle: byId(testIds.services.empty) },
  { name: 'people list', url: prefixRoute(ROUTES.People), settle: byId(testIds.people.create) },
  { name: 'SLO list', url: slosUrl(), settle: byId(testIds.slos.empty) },
  { name: 'executive view', url: prefixRoute(ROUTES.Executive), settle: byId(testIds.executive.empty) },
  { name: 'governance', url: prefixRoute(ROUTES.Governance), settle: byId(testIds.governance.summary) },
  { name: 'period reports', url: prefixRoute(ROUTES.Reports), settle: byId(testIds.reports.empty) },
  { name: 'unknown service', url: serviceUrl(SERVICE), settle: byId(testIds.notFound.page) },
];

/** Closes the open dialog as a keyboard user does. */
async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Scans the page as it is now; a page without violations adds nothing to `found`. */
async function scanInto(found: Record<string, string[]>, page: Page, name: string) {
  // The pointer is moved off the page's controls: hover colours belong to Grafana's theme, and the
  // scan is of the page as it rests.
  await page.mouse.move(0, 0);
  const violations = await pageViolations(page);
  if (violations.length > 0) {
    found[name] = violations;
  }
}

/** Opens each page (on the host at `baseURL`, the journey's own by default) and scans it once drawn. */
async function scanPages(page: Page, pages: AppPage[], baseURL = ''): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { name, url, settle: settled } of pages) {
    await page.goto(`${baseURL}${url}`);
    await settled(page);
    await scanInto(found, page, name);
  }
  return found;
}

test(`none of the app's ${PAGES.length} pages has a serious or critical accessibility violation`, async ({ page }) => {
  test.setTimeout(PAGES.length * 30000);
  const watcher = watchPage(page);
  expect(await scanPages(page, PAGES)).toEqual({});
  await watcher.assertClean();
});

test(`with an empty registry, none of the ${EMPTY_PAGES.length} pages that say what to do next has a serious or critical accessibility violation`, async ({
  page,
}) => {
  test.setTimeout(EMPTY_PAGES.length * 30000 + 60000);
  const empty = await startSandbox(journeyPort(15), 'Admin', { seedRegistryPath: undefined });
  try {
    // No page watcher here: reading a registry that was never stored logs the browser's 404s.
    expect(await scanPages(page, EMPTY_PAGES, empty.baseURL)).toEqual({});
  } finally {
    await page.goto('about:blank');
    await empty.stop();
  }
});

test('no dialog, menu or expanded part of a page has a serious or critical accessibility violation', async ({
  page,
}) => {
  test.setTimeout(300000);
  const watcher = watchPage(page);
  const found: Record<string, string[]> = {};
  const dialog = page.getByRole('dialog');

  // Services list: a filter's menu open.
  await page.goto(servicesUrl());
  await settle(page, page.getByTestId(testIds.services.list));
  await page.getByRole('combobox', { name: 'Team' }).click();
  await expect(page.getByRole('listbox').first()).toBeVisible();
  await scanInto(found, page, 'services list filter menu');
  await page.keyboard.press('Escape');

  // Service edit form: every repeated row shown, then leaving with unsaved edits. The sandbox
  // follows links by loading the page (Grafana moves inside the app), so the way out is Back to an
  // address of this same page.
  await page.goto(serviceEditUrl(SERVICE));
  await settle(page, page.getByTestId(testIds.services.form));
  await page.goto(`${serviceEditUrl(SERVICE)}#owners`);
  await page.getByRole('button', { name: 'Add a cost tag' }).click();
  await page.getByRole('button', { name: 'Add a KPI' }).click();
  await page.getByRole('button', { name: 'Add a link' }).click();
  await page.locator('#service-description').fill('Cart and checkout.');
  await scanInto(found, page, 'service form with new rows');
  await page.evaluate(() => window.history.back());
  await expect(dialog).toContainText('Discard unsaved changes?');
  await scanInto(found, page, 'unsaved changes prompt');
  await page.getByRole('button', { name: 'Keep editing' }).click();

  // Someone else saves the service while the form is open: the save is refused as a conflict.
  await page.goto(serviceEditUrl(SERVICE));
  await settle(page, page.getByTestId(testIds.services.form));
  await page.locator('#service-description').fill('Cart and checkout.');
  const elsewhere = await page.context().newPage();
  await elsewhere.goto(serviceEditUrl(SERVICE));
  await elsewhere.locator('#service-name').fill('Checkout (renamed elsewhere)');
  await elsewhere.getByTestId(testIds.services.save).click();
  await elsewhere.waitForURL(`**${serviceUrl(SERVICE)}`);
  await elsewhere.close();
  await page.bringToFront();
  await page.getByTestId(testIds.services.save).click();
  await expect(page.getByTestId(testIds.registry.saveFailure)).toBeVisible();
  await scanInto(found, page, 'save conflict');
  await page.getByTestId(testIds.registry.reload).click();
  await expect(page.getByTestId(testIds.registry.saveFailure)).toHaveCount(0);
  await page.getByTestId(testIds.services.save).click();
  await page.waitForURL(`**${serviceUrl(SERVICE)}`);

  // Service page: history with older versions, restoring one, deleting the service.
  await settle(page, page.getByTestId(testIds.history.entry));
  await page.getByTestId(testIds.history.restore).first().click();
  await expect(dialog).toBeVisible();
  await scanInto(found, page, 'restore version dialog');
  await closeDialog(page);
  await page.getByTestId(testIds.services.delete).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Move them to another service' }).check();
  await scanInto(found, page, 'delete service dialog');
  await closeDialog(page);

  // A generated dashboard: the time picker, the refresh intervals and the save dialog.
  await page.goto(serviceUrl(SERVICE, SERVICE_TABS.onCall));
  await settleDashboard(page);
  await page.getByTestId(selectors.components.TimePicker.openButton).click();
  await expect(page.getByTestId(selectors.components.TimePicker.applyTimeRange)).toBeVisible();
  await scanInto(found, page, 'time picker');
  await page.keyboard.press('Escape');
  await page.getByTestId(selectors.components.RefreshPicker.intervalButtonV2).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await scanInto(found, page, 'refresh intervals menu');
  await page.keyboard.press('Escape');
  await page.getByTestId(testIds.dashboards.save).click();
  await expect(dialog).toBeVisible();
  await scanInto(found, page, 'save dashboard dialog');
  await closeDialog(page);

  // Person page: deleting a person still named by services.
  await page.goto(personUrl(PERSON));
  await settle(page, page.getByTestId(testIds.people.edit));
  await page.getByTestId(testIds.people.delete).click();
  await expect(dialog).toBeVisible();
  await scanInto(found, page, 'delete person dialog');
  await closeDialog(page);

  // A new SLO saved empty: every problem shown next to its field.
  await page.goto(sloEditUrl());
  await settle(page, page.getByTestId(testIds.sloEditor.form));
  await page.getByTestId(testIds.sloEditor.save).click();
  await expect(page.getByText('Nothing was saved: fix the fields marked in red')).toBeVisible();
  await scanInto(found, page, 'SLO editor with problems');

  // SLO editor: the service picker open, the templates expanded, the other SLI kinds, the actions.
  await page.goto(sloEditUrl(SLO));
  await settle(page, page.getByTestId(testIds.sloEditor.previewSummary));
  await page.getByTestId(testIds.sloEditor.service).click();
  await expect(page.getByRole('listbox').first()).toBeVisible();
  await scanInto(found, page, 'SLO editor service menu');
  await page.keyboard.press('Escape');
  await page.getByText('Template: HTTP availability from a status-code label').click();
  await expect(page.getByTestId(testIds.sloEditor.templateMatchers)).toBeVisible();
  await scanInto(found, page, 'SLO editor availability template');
  const kinds = page.getByTestId(testIds.sloEditor.kind);
  // the template stays open when the kind changes
  await kinds.getByRole('radio', { name: 'Latency', exact: true }).check();
  await expect(page.getByTestId(testIds.sloEditor.bucket)).toBeVisible();
  await scanInto(found, page, 'SLO editor latency template');
  for (const kind of ['Freeform', 'Log ratio']) {
    await kinds.getByRole('radio', { name: kind }).check();
    await scanInto(found, page, `SLO editor, ${kind} SLI`);
  }
  await page.goto(sloEditUrl(SLO));
  await settle(page, page.getByTestId(testIds.sloEditor.previewSummary));
  await page.getByTestId(testIds.sloEditor.download).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await scanInto(found, page, 'download rules menu');
  await page.keyboard.press('Escape');
  await page.getByTestId(testIds.sloEditor.push).click();
  await expect(dialog).toBeVisible();
  await scanInto(found, page, 'push alert rules dialog');
  await closeDialog(page);
  await page.getByTestId(testIds.sloEditor.delete).click();
  await expect(dialog).toBeVisible();
  await scanInto(found, page, 'delete SLO dialog');
  await closeDialog(page);
  // a calendar window, with its time zone picker open
  await page
    .getByTestId(testIds.sloEditor.window)
    .getByRole('radio', { name: 'Calendar quarter', exact: true })
    .check();
  await page.getByTestId(testIds.sloEditor.timeZone).getByRole('combobox').click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await scanInto(found, page, 'SLO editor, calendar window and time zone menu');
  await page.keyboard.press('Escape');

  // Import page: a file with problems, then one that previews with a migration report.
  await page.goto(servicesImportUrl());
  await settle(page, page.getByTestId(testIds.importer.text));
  await page.getByTestId(testIds.importer.text).fill('services: [');
  await page.getByTestId(testIds.importer.check).click();
  await expect(page.getByTestId(testIds.importer.problems)).toBeVisible();
  await scanInto(found, page, 'import problems');
  await page.getByRole('radio', { name: 'Sloth prometheus/v1' }).check();
  await page.getByTestId(testIds.importer.text).fill(SLOTH_SPECS);
  await page.getByTestId(testIds.importer.check).click();
  await expect(page.getByTestId(testIds.importer.preview)).toBeVisible();
  const report = page.getByTestId(testIds.importer.report);
  await report.getByRole('button').first().click();
  await scanInto(found, page, 'import preview and report');

  // Governance: a service's scorecard expanded.
  await page.goto(prefixRoute(ROUTES.Governance));
  await settle(page, page.getByTestId(testIds.governance.summary));
  await page.getByRole('button', { name: 'Toggle row expanded' }).first().click();
  await expect(page.getByTestId(testIds.governance.scorecard)).toBeVisible();
  await scanInto(found, page, 'governance scorecard');

  // Service page once its policy state and incidents are read, then with the exception form open.
  await page.goto(serviceUrl(SERVICE));
  await settle(page, page.getByTestId(testIds.incidents.table));
  await expect(
    page.getByTestId(testIds.budgetPolicy.panel).getByTestId(testIds.budgetPolicy.slo).first()
  ).toBeVisible();
  await scanInto(found, page, 'service policy state and incidents');
  await page.getByTestId(testIds.budgetPolicy.addException).click();
  await expect(page.getByTestId(testIds.budgetPolicy.saveException)).toBeVisible();
  await scanInto(found, page, 'policy exception form');

  // Executive view: the incident response per business owner.
  await page.goto(prefixRoute(ROUTES.Executive));
  await settle(page, page.getByTestId(testIds.incidents.response).getByRole('table'));
  await scanInto(found, page, 'executive incident response');

  // Escalation dialog from the SLO list, with the preview of what a push would change.
  await page.goto(slosUrl());
  await settle(page, page.getByTestId(testIds.escalation.open));
  await page.getByTestId(testIds.escalation.open).click();
  await expect(dialog.getByTestId(testIds.escalation.receivers)).toBeVisible();
  await dialog.getByTestId(testIds.escalation.preview).click();
  await expect(dialog.getByTestId(testIds.escalation.outcome)).toContainText('Nothing was written');
  await scanInto(found, page, 'escalation dialog with preview');
  await closeDialog(page);

  // Period reports: the period picker open.
  await page.goto(prefixRoute(ROUTES.Reports));
  await settle(page, page.getByTestId(testIds.reports.table));
  await page.getByTestId(testIds.reports.period).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await scanInto(found, page, 'period reports, period menu');
  await page.keyboard.press('Escape');

  // Configuration page: checking storage, and a registry import with problems and with a preview.
  await page.goto(CONFIG_URL);
  await settle(page, page.getByTestId(testIds.appConfig.container));
  await page.getByTestId(testIds.appConfig.checkStorage).click();
  await expect(page.getByTestId(testIds.appConfig.checkOutcome)).toBeVisible();
  await page.getByTestId(testIds.appConfig.importText).fill('schemaVersion: [');
  await page.getByTestId(testIds.appConfig.importCheck).click();
  await expect(page.getByTestId(testIds.appConfig.importProblems)).toBeVisible();
  await scanInto(found, page, 'configuration import problems');
  await page
    .getByTestId(testIds.appConfig.importText)
    .fill(await page.getByTestId(testIds.appConfig.exportYaml).inputValue());
  await page.getByTestId(testIds.appConfig.importCheck).click();
  await expect(page.getByTestId(testIds.appConfig.importPreview)).toBeVisible();
  await scanInto(found, page, 'configuration import preview');

  expect(found).toEqual({});
  await watcher.assertClean();
});
