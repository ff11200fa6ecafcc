import { chromium } from '@playwright/test';
import { DEMO_CT } from '../demo';
import { CHROMIUM_ARGS } from '../playwright.config';
import { isSoftwareRasterizer } from '../src/viewer/renderer';
import { expectedGrey, sampleViewport } from './ctPixels';
import { chooseRenderer, expect, test } from './fixtures';

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

test('WebGL in software gives way to the CPU path, silently; a graphics card keeps WebGL', async ({
  page,
  baseURL,
}) => {
  const webglRenderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
  });
  expect(webglRenderer, 'this browser has WebGL').not.toBeNull();
  await page.goto(`${baseURL}/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID}`);
  await expect(page.getByTestId('viewport').first()).toHaveAttribute('data-status', 'ready');
  const viewer = page.locator('.viewer');
  const software = isSoftwareRasterizer(webglRenderer!);
  await expect(viewer).toHaveAttribute('data-renderer', software ? 'cpu' : 'webgl');
  await expect(viewer).toHaveAttribute('data-renderer-reason', software ? 'software-webgl' : 'graphics-card');
  await expect(page.getByTestId('cpu-rendering-notice')).toHaveCount(0);
});

test('an administrator may choose the CPU path; the reader is told', async ({ page, baseURL }) => {
  await chooseRenderer(page, 'cpu');
  await page.goto(`${baseURL}/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID}`);
  await expect(page.getByTestId('viewport').first()).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('.viewer')).toHaveAttribute('data-renderer', 'cpu');
  await expect(page.locator('.viewer')).toHaveAttribute('data-renderer-reason', 'configured');
  await expect(page.getByTestId('cpu-rendering-notice')).toContainText('set by the administrator');
});
