import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { CONTENT_DIR } from './tests/e2e/hexo-site.mjs';
import { PREVIEW_SECRET } from './tests/e2e/preview-secret.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  // Two spec files at a time, each test of a file in order (read-only specs opt into parallel
  // mode). The suite is CPU-bound on two cores, Chromium most of it: two workers keep both busy
  // (README, "The test suite"). Specs that start servers of their own use ports no other spec uses
  // (E2E_PORT + 1 … + 12).
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // No host name resolves: nothing a page asks of another host (an article's lead image, a
    // payload's canary.invalid) leaves this machine, with or without a network. The site is
    // reached by its IP address, which needs no resolving.
    launchOptions: {
      executablePath: chromiumPath,
      args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    },
  },
  webServer: {
    // Built and started as the README does, on the tests' own content folder.
    command: `sh tests/e2e/start-server.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    // A Hexo site's source folder and nothing else about the site: its name, address, zone,
    // language, page size and permalinks come from its _config.yml (tests/e2e/hexo-site.mjs). Empty
    // counts as unset: variables of the shell that runs the tests must not override the file.
    env: {
      CONTENT_DIR,
      ...Object.fromEntries(
        ['SITE_NAME', 'SITE_DESCRIPTION', 'SITE_URL', 'SITE_LOCALE', 'SITE_TIMEZONE', 'PERMALINK', 'PAGE_SIZE'].map(
          (name) => [name, ''],
        ),
      ),
      NEXT_TELEMETRY_DISABLED: '1',
      PREVIEW_SECRET,
    },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
