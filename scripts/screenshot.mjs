// Screenshots of a running site, for the README and for looking at the pages:
//   node scripts/screenshot.mjs BASE_URL OUT_DIR [PATH ...]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

const [base, outDir, ...paths] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node scripts/screenshot.mjs BASE_URL OUT_DIR [PATH ...]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
await mkdir(outDir, { recursive: true });
const views = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'phone', viewport: { width: 360, height: 780 }, colorScheme: 'light' },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
];
for (const view of views) {
  const page = await browser.newPage({ viewport: view.viewport, colorScheme: view.colorScheme });
  for (const p of paths.length ? paths : ['/']) {
    await page.goto(new URL(p, base).href, { waitUntil: 'load' });
    const file = path.join(outDir, `${view.name}-${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await page.close();
}
await browser.close();
