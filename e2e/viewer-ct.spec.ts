import type { Locator, Page } from '@playwright/test';
import { DEMO_CT, DEMO_PATIENTS } from '../demo';
import { expect, test } from './fixtures';

/** Grey level (0–255) of a Hounsfield value under a linear window, as DICOM PS3.3 C.11.2.1.2 defines it. */
function expectedGrey(hu: number, { center, width }: { center: number; width: number }): number {
  const y = (hu - (center - 0.5)) / (width - 1) + 0.5;
  return Math.round(255 * Math.min(1, Math.max(0, y)));
}

/**
 * Reads what the user sees: a screenshot of the viewport, decoded in the page, sampled (3×3 mean of
 * the red channel) where the image pixels [column, row] of the 512×512 slice are drawn. The image is
 * fitted to the viewport and centred, as a viewer shows a new stack.
 */
async function sampleViewport(page: Page, viewport: Locator, points: ReadonlyArray<readonly number[]>) {
  const png = (await viewport.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points, size }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const scale = Math.min(image.width, image.height) / size;
      const offsetX = (image.width - size * scale) / 2;
      const offsetY = (image.height - size * scale) / 2;
      return points.map(([column, row]) => {
        const x = Math.round(offsetX + (column + 0.5) * scale);
        const y = Math.round(offsetY + (row + 0.5) * scale);
        const data = context.getImageData(x - 1, y - 1, 3, 3).data;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) sum += data[i]!;
        return Math.round(sum / 9);
      });
    },
    { png, points: points.map((p) => [p[0]!, p[1]!] as [number, number]), size: DEMO_CT.columns },
  );
}

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
