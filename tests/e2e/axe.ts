import type { Page } from '@playwright/test';
import axe from 'axe-core';

/**
 * axe-core's violations on the page as it is, one line each. axe runs in the page itself, injected
 * once per document: @axe-core/playwright took 1.5–2 s a page here (it opens a blank page for each
 * analysis), this takes 0.3 s, with the same rules (every rule axe enables by default), or only `rules`.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (rules) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
      ...(rules && { runOnly: { type: 'rule', values: rules } }),
    });
    return violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, rules);
}
