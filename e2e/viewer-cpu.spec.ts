import { chromium } from '@playwright/test';
import { DEMO_CT } from '../demo';
import { CHROMIUM_ARGS } from '../playwright.config';
import { expectedGrey, sampleViewport } from './ctPixels';
import { expect, test } from './fixtures';

test('without WebGL the viewer draws on the CPU, says so, and shows the same CT pixels', async ({
  baseURL,
}) => {
  // A browser whose WebGL is switched off, as on machines with GPU access blocked by policy.
  const browser = await chromium.launch({
    executablePath: process.env.FOVEA_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();

    await page.goto(`${baseURL}/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID}`);
    const viewport = page.getByTestId('viewport').first();
    await expect(viewport).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('cpu-rendering-notice')).toContainText('No WebGL in this browser');

    await viewport.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    await expect(viewport).toHaveAttribute('data-image-index', '100');
    await expect(viewport).toHaveAttribute('data-status', 'ready');
    await page.waitForTimeout(300);
    const seen = await sampleViewport(page, viewport, DEMO_CT.probes);
    DEMO_CT.probes.forEach(([column, row, hu], i) => {
      const expected = expectedGrey(hu, DEMO_CT.window);
      expect(
        Math.abs(seen[i]! - expected),
        `probe ${column},${row}: saw ${seen[i]}, expected ${expected}`,
      ).toBeLessThanOrEqual(12);
    });
    await page.screenshot({ path: 'test-results/screenshots/viewer-cpu.png' });
  } finally {
    await browser.close();
  }
});
