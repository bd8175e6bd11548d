import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The real module throws outside React's server environment; its own server build is empty.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup-env.ts'],
    environment: 'node',
    // Files and tests in a random order each run (the seed is printed): no test may lean on another.
    // Vitest keeps a core for itself by default, which is one worker on two cores: two finish the
    // suite in two thirds of the time there (29 s against 43 s). Each file still runs isolated, in
    // a worker thread, which starts faster than a child process (23–29 s against 26–36 s).
    maxWorkers: 2,
    pool: 'threads',
    sequence: { shuffle: { files: true, tests: true } },
    // CI also writes a JSON report, from which .ci/run prints one closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
  },
});
