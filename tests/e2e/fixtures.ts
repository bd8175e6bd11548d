import { test as base, type BrowserContext, type Disposable, type Page } from '@playwright/test';

type SharedPage = { context: BrowserContext; page: Page };

/**
 * Playwright's `test`, whose `page` (and its `context`) lives for the whole worker, one per set of
 * options a spec uses (color scheme, JavaScript, viewport), instead of a new one each test. A new
 * browser page costs Chromium two CPU-seconds here (a renderer process started and warmed up),
 * against 0.7 for loading a page of the site; most tests load only a few.
 *
 * Each test still starts from a clean page: after it, everything the test added is removed (event
 * listeners, routes, init scripts, exposed functions), any other page it opened is closed, the
 * cookies (preview's among them) and permissions are cleared, emulated media are reset, and the page
 * goes to about:blank.
 * After a test that failed, the page and its context are thrown away instead.
 */
export const test = base.extend<{ sharedPage: SharedPage }, { sharedPages: Map<string, SharedPage> }>({
  sharedPages: [
    async ({}, provide) => {
      const pages = new Map<string, SharedPage>();
      await provide(pages);
      await Promise.all([...pages.values()].map(({ context }) => context.close()));
    },
    { scope: 'worker' },
  ],

  sharedPage: async (
    { sharedPages, browser, baseURL, colorScheme, javaScriptEnabled, viewport },
    provide,
    testInfo,
  ) => {
    const options = { baseURL, colorScheme, javaScriptEnabled, viewport };
    const key = JSON.stringify(options);
    let shared = sharedPages.get(key);
    if (!shared) {
      const context = await browser.newContext(options);
      shared = { context, page: await context.newPage() };
      sharedPages.set(key, shared);
    }
    const { context, page } = shared;

    // What the test adds to the page and has no other way to remove.
    const added: Disposable[] = [];
    const addInitScript = page.addInitScript;
    const exposeFunction = page.exposeFunction;
    page.addInitScript = async (...args: Parameters<Page['addInitScript']>) => {
      const disposable = await addInitScript.apply(page, args);
      added.push(disposable);
      return disposable;
    };
    page.exposeFunction = async (...args: Parameters<Page['exposeFunction']>) => {
      const disposable = await exposeFunction.apply(page, args);
      added.push(disposable);
      return disposable;
    };

    await provide(shared);

    page.addInitScript = addInitScript;
    page.exposeFunction = exposeFunction;
    const passed = testInfo.status === testInfo.expectedStatus;
    if (!passed || page.isClosed()) {
      sharedPages.delete(key);
      await context.close();
      return;
    }
    page.removeAllListeners();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    for (const disposable of added) await disposable.dispose();
    await Promise.all(
      context
        .pages()
        .filter((other) => other !== page)
        .map((other) => other.close()),
    );
    await context.clearCookies();
    await context.clearPermissions();
    // What page.emulateMedia changed goes back to the options the page was made with.
    await page.emulateMedia({
      media: null,
      colorScheme: colorScheme ?? 'light',
      reducedMotion: null,
      forcedColors: null,
    });
    await page.goto('about:blank');
  },

  context: async ({ sharedPage }, provide) => provide(sharedPage.context),
  page: async ({ sharedPage }, provide) => provide(sharedPage.page),
});

export { expect } from '@playwright/test';
