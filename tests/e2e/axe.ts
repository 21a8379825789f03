import { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds inside the elements these CSS
 * selectors match, as `rule: selector` lines (an empty list when there are none).
 */
export async function seriousViolations(page: Page, selectors: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const include = within.map((selector) => [selector]);
    const result = await axe.run({ include } as never, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
  }, selectors);
}

/** The CSS selector of an element with this test id. */
export function byTestId(testId: string): string {
  return `[data-testid="${testId}"]`;
}
