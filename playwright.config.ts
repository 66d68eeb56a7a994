// End-to-end suites. `browser`: the real renderer build in Chromium against the browser host
// (runs everywhere). `electron`: what only Electron has (skips where no Electron binary exists).
// `screenshots`: regenerates docs/screenshots (npm run screenshots), not part of npm test.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const systemChromium = '/usr/bin/chromium';
const useSystemChromium = !process.env.PLAYWRIGHT_BUNDLED_BROWSERS && existsSync(systemChromium);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.cache/playwright.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    // The reviewers work in China; show times as they will see them.
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(useSystemChromium ? { executablePath: systemChromium } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'browser', testIgnore: ['electron/**', 'screenshots.spec.ts'] },
    { name: 'electron', testDir: 'e2e/electron' },
    { name: 'screenshots', testMatch: 'screenshots.spec.ts' },
  ],
});
