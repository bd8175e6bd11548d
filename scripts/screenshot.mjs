// Screenshots of a running site, for the README and for looking at the pages:
//   node scripts/screenshot.mjs BASE_URL OUT_DIR [PATH ...]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [base, outDir, ...paths] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node scripts/screenshot.mjs BASE_URL OUT_DIR [PATH ...]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
await mkdir(outDir, { recursive: true });
const views = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'phone', viewport: { width: 360, height: 780 }, colorScheme: 'light' },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
];
// Images on other hosts are drawn locally (a soft gradient per URL): the machines that make
// these screenshots have no internet, and a broken-image icon says nothing about the layout.
function placeholder(url) {
  let hash = 0;
  for (const c of url) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},50%,38%)"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/></svg>`;
}

for (const view of views) {
  const page = await browser.newPage({ viewport: view.viewport, colorScheme: view.colorScheme });
  await page.route(
    (url) => url.origin !== new URL(base).origin,
    (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ contentType: 'image/svg+xml', body: placeholder(route.request().url()) })
        : route.abort(),
  );
  for (const p of paths.length ? paths : ['/']) {
    await page.goto(new URL(p, base).href, { waitUntil: 'load' });
    const file = path.join(outDir, `${view.name}-${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await page.close();
}
await browser.close();
