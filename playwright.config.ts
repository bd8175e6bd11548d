import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { PREVIEW_SECRET } from './tests/e2e/preview-secret.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: {
    // Built and started as the README does, on the tests' own content folder.
    command: `sh tests/e2e/start-server.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    env: {
      CONTENT_DIR: '.e2e/content',
      NEXT_TELEMETRY_DISABLED: '1',
      SITE_URL: `http://127.0.0.1:${PORT}`,
      PREVIEW_SECRET,
    },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
