import { BrowserContext, expect, Locator, Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import type { Person } from '../../src/domain/model';
import { prefixRoute } from '../../src/routing';

/**
 * Steps on the app's pages that more than one journey takes, written once for both hosts.
 */

/** A name no earlier run has used, so that journeys that create things can run again on the same Grafana. */
export function uniqueSuffix(): string {
  return Date.now().toString(36);
}

/** Picks the first option matching `option` in a @grafana/ui Combobox after typing `text` into it. */
export async function pickOption(page: Page, input: Locator, text: string, option: string | RegExp) {
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

/** The closest element around `field` that also holds `message`: the message is next to the field. */
export function besideField(field: Locator, message: string | RegExp): Locator {
  return field.locator('xpath=ancestor::*').filter({ hasText: message }).last();
}

/** The SLO editor's query field of an SLI path (as SliFields' queryTestId, whose module needs a browser). */
export function sliQueryField(page: Page, path: string): Locator {
  return page.getByTestId(`${testIds.sloEditor.query}-${path}`);
}

/** A dashboard panel by its title, as Grafana's e2e selector `Panels.Panel.title` names it. */
export function panel(page: Page, title: string): Locator {
  return page.getByTestId(`data-testid Panel header ${title}`);
}

/** Opens the service form of `serviceId` and waits for it. */
export async function openServiceForm(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId(testIds.services.form)).toBeVisible();
}

/** The "Dashboards generated" line of a service's scorecard on the governance page. */
export async function dashboardsCheck(page: Page, serviceName: string): Promise<Locator> {
  await page.goto(prefixRoute(ROUTES.Governance));
  await page.getByPlaceholder('Search services').fill(serviceName);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: serviceName, exact: true }) });
  await row.getByRole('button', { name: 'Toggle row expanded' }).click();
  const scorecard = page.getByTestId(testIds.governance.scorecard);
  return scorecard.getByTestId(testIds.governance.evidence).filter({ hasText: 'Dashboards generated' });
}

/**
 * The browser sessions of `context` signed in as `person`: Grafana names the signed-in user in its
 * boot data, and these sessions' boot data name the person (login: their id; their email), which is
 * what the app checks before it offers what only they may do (approve an adjustment, sign a period
 * off). The host's role stays the journey's.
 */
export async function signInAs(context: BrowserContext, person: Person): Promise<void> {
  await context.addInitScript(
    ({ login, email }) => {
      let boot: { user?: { login?: string; email?: string } } | undefined;
      Object.defineProperty(window, 'grafanaBootData', {
        configurable: true,
        get: () => boot,
        set: (value: typeof boot) => {
          boot = value;
          if (boot?.user) {
            boot.user.login = login;
            boot.user.email = email;
          }
        },
      });
    },
    { login: person.id, email: person.email }
  );
}
