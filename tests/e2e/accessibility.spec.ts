import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// axe-core runs on every kind of page, in both color schemes, in page-kinds.spec.ts.

/** How the focused element shows its focus: an outline or a ring (box-shadow), or nothing. */
function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      text: el.textContent?.trim().slice(0, 20),
      visible: outline || ring,
      width: box.width,
    };
  });
}

test.describe('from the keyboard', () => {
  test('the first Tab reaches a visible skip link that moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = await focusIndicator(page);
    expect(skip).toMatchObject({ tag: 'a', text: '跳到正文', visible: true });
    expect(skip!.width).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('every link and control on the way through a page shows where focus is', async ({ page }) => {
    await page.goto('/page/2');
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await focusIndicator(page);
      if (!focused) break;
      expect(focused.visible, `focus on <${focused.tag}> "${focused.text}" is not visible`).toBe(true);
      seen.push(focused.tag);
    }
    expect(seen.length).toBeGreaterThan(30);
  });

  test('an article is reached and read with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    const first = page.locator('main article h2 a').first();
    const title = await first.textContent();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(title!);
  });
});

test('pagination marks the current page and links the previous and next ones', async ({ page }) => {
  await page.goto('/page/2');
  const nav = page.getByRole('navigation', { name: '分页' });
  await expect(nav.locator('[aria-current="page"]')).toHaveText('第 2 页');
  await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', '/');
  await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', '/page/3');
});
