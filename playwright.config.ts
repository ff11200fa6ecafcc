import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser downloads are not used. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  // *.test.ts files in e2e/ are unit tests of the specs' helpers, run by vitest.
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // One browser at a time: the machine has two cores, shared with Orthanc and the gateway.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.FOVEA_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
