import { defineConfig } from 'vitest/config';

// Three suites: `unit` (npm test / npm run test:pg) needs only Node and the database engine;
// `docs` needs LibreOffice + poppler (soffice, pdftotext); `e2e` needs /usr/bin/chromium and a build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'bin/**/*.test.ts'],
          exclude: ['**/*.docs.test.ts', 'node_modules/**', 'dist/**'],
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
