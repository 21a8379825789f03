import { Page } from '@playwright/test';
import { selectors as grafanaSelectors } from '@grafana/e2e-selectors';
import { readFileSync } from 'node:fs';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A violation inside a Grafana component that the app renders as it comes: one rule on its elements. */
interface UpstreamViolation {
  rule: string;
  /** CSS selector of the component's elements the rule fails on. */
  selector: string;
}

/**
 * What axe-core finds inside @grafana/ui's own components (12.4.10, and 13.2.3 on the Grafana 13
 * host alike), which the app uses as they come and whose markup it cannot reach. Each entry lets
 * one rule through on the elements of one component, nothing else: the same rule anywhere else, or
 * another rule on these elements, still fails.
 */
const UPSTREAM: UpstreamViolation[] = [
  // RefreshPicker names its interval button "Choose refresh time interval with current interval 1
  // minute selected" while it shows "1m" (WCAG 2.5.3, label in name); it takes no name from
  // outside. grafana/grafana#118269 aligned the names of the menu's items, not the button's.
  {
    rule: 'label-content-name-mismatch',
    selector: `[data-testid="${grafanaSelectors.components.RefreshPicker.intervalButtonV2}"]`,
  },
  // Combobox and MultiCombobox menus, while open: the options get ids of their own
  // (`combobox-option-<value>`) but the input's aria-activedescendant keeps the list library's
  // (`downshift-…-item-<n>`), which no element has; the listbox holds the virtual list's plain
  // rows and a live region between it and its options; MultiCombobox puts a checkbox inside each
  // option; the secondary text of the highlighted option is a theme colour on the highlight.
  { rule: 'aria-valid-attr-value', selector: 'input[role="combobox"][aria-activedescendant*="downshift"]' },
  { rule: 'aria-required-children', selector: '[role="listbox"][id*="downshift"]' },
  { rule: 'nested-interactive', selector: '[role="option"][id^="combobox-option-"]' },
  { rule: 'color-contrast', selector: '[role="option"][id^="combobox-option-"] *' },
  // The refresh picker's interval menu (ButtonSelect) wraps its items in a scroll container, so
  // the menu's children are no menu items.
  { rule: 'aria-required-children', selector: '[role="menu"]:has([role="menuitemradio"])' },
  // The time range picker opens as a dialog without a name.
  {
    rule: 'aria-dialog-name',
    selector: `[role="dialog"]:has([data-testid="${grafanaSelectors.components.TimePicker.applyTimeRange}"])`,
  },
  // Button draws a focused (and a hovered) button in its variant's shade: white text on the
  // primary shade measures 3.55:1, 4.5:1 is needed. The journeys move the pointer away before a
  // scan; a button keeps the focus after it is pressed, so that state is let through here.
  { rule: 'color-contrast', selector: 'button:focus > *' },
  // Floating menus and pickers (Dropdown, the time picker), while open: floating-ui's focus
  // manager hides the rest of the page from assistive technology (aria-hidden) while its elements
  // stay focusable, and puts aria-hidden focus guards around the menu; focus stays inside the menu
  // meanwhile.
  { rule: 'aria-hidden-focus', selector: '[data-floating-ui-inert], [data-floating-ui-focus-guard]' },
];

/**
 * The serious and critical accessibility violations axe-core finds inside the elements these CSS
 * selectors match (the whole document when there are none), as `rule: selector (html)` lines: an
 * empty list when there are none.
 */
export async function seriousViolations(page: Page, selectors: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    async ({ within, upstream }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const context = within.length > 0 ? ({ include: within.map((selector) => [selector]) } as never) : document;
      const result = await axe.run(context, { resultTypes: ['violations'], elementRef: true });
      const known = (rule: string, element: Element | undefined) =>
        upstream.some((item) => item.rule === rule && element?.matches(item.selector));
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .flatMap((violation) =>
          violation.nodes
            .filter((node) => !known(violation.id, node.element))
            .map((node) => `${violation.id}: ${node.target.join(' ')} (${node.html.slice(0, 160)})`)
        );
    },
    { within: selectors, upstream: UPSTREAM }
  );
}

/**
 * The serious and critical violations on the whole page as it is now: the host's frame, the app,
 * and whatever dialog, menu or tooltip is open (they are rendered outside the app's root).
 */
export function pageViolations(page: Page): Promise<string[]> {
  return seriousViolations(page, []);
}

/** The CSS selector of an element with this test id. */
export function byTestId(testId: string): string {
  return `[data-testid="${testId}"]`;
}
