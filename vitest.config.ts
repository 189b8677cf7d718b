import { defineConfig } from 'vitest/config';

// Four suites: `unit` (npm test / npm run test:pg) needs only Node and the database engine;
// `load` (npm run test:load) writes a large year's exports while /health is polled, alone (the event-loop bound
// itself is measured by npm run bench, not asserted);
// `docs` needs LibreOffice + poppler (soffice, pdftotext); `e2e` needs /usr/bin/chromium and a build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'bin/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.docs.test.ts', '**/*.load.test.ts', 'node_modules/**', 'dist/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'docs',
          include: ['server/**/*.docs.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // measures the event loop while a large export runs: one file at a time, on an otherwise quiet machine
        test: {
          name: 'load',
          include: ['server/**/*.load.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
