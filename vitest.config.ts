// Unit tests of every runtime, beside the code. They run in Node; renderer tests that touch
// IndexedDB use fake-indexeddb. End-to-end suites are Playwright's (playwright.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,build,e2e/host}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**', 'build/eslint/fixtures/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
