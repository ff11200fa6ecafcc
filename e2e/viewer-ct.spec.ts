import { DEMO_CT, DEMO_PATIENTS } from '../demo';
import { expectedGrey, sampleViewport } from './ctPixels';
import { expect, test } from './fixtures';

test('the study list shows the demo patients, and the CT opens with the phantom at the right window', async ({
  page,
}) => {
  await page.goto('/studies');

  // Every demo patient is listed, non-Latin names included.
  const rows = page.locator('[data-study-uid]');
  await expect(rows.first()).toBeVisible();
  for (const patient of DEMO_PATIENTS) {
    await expect(rows.filter({ hasText: patient.id }).first()).toBeVisible();
  }
  await expect(page.getByText('山田', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Παπαδοπούλου', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/study-list.png' });

  await rows.and(page.locator(`[data-study-uid="${DEMO_CT.studyInstanceUID}"]`)).click();
  await expect(page).toHaveURL(
    new RegExp(`/viewer\\?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID.replace(/\./g, '\\.')}`),
  );
  await expect(page.getByTestId('patient-banner')).toContainText('FOV1001');
  await expect(page.getByTestId('patient-banner')).toContainText('Jürgen');

  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-series-uid', DEMO_CT.seriesInstanceUID);
  await expect(viewport).toHaveAttribute('data-image-count', String(DEMO_CT.slices));
  await expect(viewport).toHaveAttribute('data-status', 'ready');

  // To slice 100, where the probes of the catalog lie.
  await viewport.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  await expect(viewport).toHaveAttribute('data-image-index', '100');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(300);

  const probes = DEMO_CT.probes;
  const seen = await sampleViewport(page, viewport, probes);
  const expected = probes.map(([, , hu]) => expectedGrey(hu, DEMO_CT.window));
  seen.forEach((grey, i) => {
    expect(
      Math.abs(grey - expected[i]!),
      `probe ${probes[i]!.join(',')}: saw ${grey}, expected ${expected[i]}`,
    ).toBeLessThanOrEqual(12);
  });
  await page.screenshot({ path: 'test-results/screenshots/viewer-ct.png' });

  // Ten slices further the nodule is gone: the image changed.
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-image-index', '110');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(300);
  const [nodule] = await sampleViewport(page, viewport, [[160, 205]]);
  expect(nodule).toBeLessThanOrEqual(expectedGrey(-800, DEMO_CT.window) + 12);
});

test('each wheel notch over the image moves one image, however quickly the notches come', async ({
  page,
}) => {
  await page.goto(`/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID}`);
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-series-uid', DEMO_CT.seriesInstanceUID);
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await expect(viewport).toHaveAttribute('data-image-index', '0');

  const box = await viewport.boundingBox();
  if (!box) throw new Error('the viewport has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Notches sent back to back, as a quickly turned wheel sends them: several fall within one display
  // frame, and each must still count once (and only once: the tools do not scroll as well).
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 100);
  await expect(viewport).toHaveAttribute('data-image-index', '12');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
  await expect(viewport).toHaveAttribute('data-image-index', '7');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  // The page itself does not scroll under the viewer.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
