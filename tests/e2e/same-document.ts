import type { Page } from '@playwright/test';

type Marked = { __sameDocument?: boolean };

/** Marks the page's current document, so that `isSameDocument` tells a client-side navigation from a page load. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as Marked).__sameDocument = true));
}

/** Whether the page still shows the document `markDocument` marked: no page load since. */
export async function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as Marked).__sameDocument === true);
}
