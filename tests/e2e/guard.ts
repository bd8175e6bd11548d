import type { Page } from '@playwright/test';

export type Guard = {
  /**
   * Messages logged with console.error, uncaught page errors and failed requests, except images
   * that are missing: a broken relative image in an article is the content's problem (the content
   * checker reports it), and prefetched pages can preload the images of other articles.
   */
  readonly errors: string[];
  /** Same-site images that failed to load. */
  brokenImages: string[];
  /**
   * Requests for anything but an image that left the site. None gets anywhere: the browser resolves
   * no host name (playwright.config.ts), and the test fails on the attempt. Images of other hosts
   * (articles' lead images) fail to load, as they would for a reader offline, and are not errors.
   */
  externalRequests: string[];
  /** Dialogs opened (alert, confirm, prompt). */
  dialogs: string[];
  /** Whether any injected script ran: alert/confirm/prompt/print called or a canary global set. */
  fired(): Promise<string[]>;
};

/**
 * Watches a page for the signs of a script that should never run: replaced dialog functions and a
 * canary global, dialogs, and requests to anywhere but the site (canary.invalid among them).
 */
export async function guardPage(page: Page, origin: string): Promise<Guard> {
  const consoleErrors: { text: string; url: string }[] = [];
  const otherErrors: string[] = [];
  const otherHostImages = new Set<string>();
  const guard: Guard = {
    get errors() {
      return [
        ...consoleErrors
          .filter((e) => !this.brokenImages.includes(e.url) && !otherHostImages.has(e.url))
          .map((e) => e.text),
        ...otherErrors,
      ];
    },
    brokenImages: [],
    externalRequests: [],
    dialogs: [],
    fired: () => page.evaluate(() => (window as unknown as { __xssFired: string[] }).__xssFired ?? ['no guard']),
  };
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const fired: string[] = [];
    w.__xssFired = fired;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      w[name] = (...args: unknown[]) => {
        fired.push(`${name}(${args.map(String).join(',')})`);
      };
    }
    Object.defineProperty(window, '__canaryRan', {
      set: () => fired.push('__canaryRan'),
      get: () => undefined,
      configurable: false,
    });
  });
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => otherErrors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    if (response.request().resourceType() === 'image') guard.brokenImages.push(response.url());
    else otherErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  // Watched, not intercepted: intercepting every request cost Chromium a third more CPU a page.
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return;
    if (request.resourceType() === 'image' && !url.includes('canary.invalid')) otherHostImages.add(url);
    else guard.externalRequests.push(`${request.resourceType()} ${url}`);
  });
  return guard;
}

/** Broken images the page itself shows (not those preloaded for prefetched pages). */
export async function brokenImagesShown(page: Page, guard: Guard): Promise<string[]> {
  const shown = await page
    .locator('img')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).currentSrc));
  return guard.brokenImages.filter((url) => shown.includes(url));
}

/** Anything inside the article body or page content that could run or restyle the page. */
export async function unsafeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no <main>'];
    for (const el of main.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      // The article's JSON-LD: a data block browsers never run (its escaping has tests of its own).
      if (
        tag === 'script' &&
        el.getAttribute('type') === 'application/ld+json' &&
        el.parentElement?.tagName === 'ARTICLE'
      ) {
        continue;
      }
      if (
        [
          'script',
          'iframe',
          'object',
          'embed',
          'svg',
          'math',
          'form',
          'input',
          'button',
          'style',
          'link',
          'meta',
          'base',
          'frame',
          'template',
        ].includes(tag)
      ) {
        found.push(`<${tag}>`);
      }
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (attr.startsWith('on')) found.push(`<${tag} ${attr}>`);
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr) &&
          /^\s*(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''))
        ) {
          found.push(`<${tag} ${attr}=${value.slice(0, 40)}>`);
        }
      }
    }
    for (const el of document.querySelectorAll('.article-body *')) {
      for (const attr of ['class', 'id', 'style'])
        if (el.hasAttribute(attr)) found.push(`<${el.tagName.toLowerCase()} ${attr}> in body`);
    }
    return found;
  });
}

/** Records, in the returned list, any script that sets `window.__canaryRan`: the payloads' own canary. */
export async function watchCanary(page: Page): Promise<string[]> {
  const fired: string[] = [];
  await page.exposeFunction('__reportCanary', (what: string) => fired.push(what));
  await page.addInitScript(() => {
    Object.defineProperty(window, '__canaryRan', {
      set: () => (window as unknown as { __reportCanary: (s: string) => void }).__reportCanary('ran'),
    });
  });
  return fired;
}
