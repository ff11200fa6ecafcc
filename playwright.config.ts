import { defineConfig } from '@playwright/test';
import type { RendererSetting } from './e2e/fixtures';

/** Debian's Chromium; Playwright's own browser downloads are not used. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The comparisons of the canvas with dcmtk's rendering run once for each way the viewer can draw, so
 * that neither regresses unseen whichever one this machine's browser would choose by itself; the tools
 * (measurements, probe, flips) run on the CPU path too, which browsers without WebGL get.
 */
const PIXEL_COMPARISONS = ['**/reference-rendering.spec.ts', '**/codecs.spec.ts'];
const CPU_TOOLS = ['**/viewer-tools.spec.ts'];

export default defineConfig<object, { renderer: RendererSetting | undefined }>({
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
  projects: [
    { name: 'default', testIgnore: PIXEL_COMPARISONS },
    { name: 'cpu', testMatch: [...PIXEL_COMPARISONS, ...CPU_TOOLS], use: { renderer: 'cpu' } },
    { name: 'webgl', testMatch: PIXEL_COMPARISONS, use: { renderer: 'webgl' } },
  ],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.FOVEA_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
