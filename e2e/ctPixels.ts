import type { Locator, Page } from '@playwright/test';
import { DEMO_CT } from '../demo';

/** Grey level (0–255) of a Hounsfield value under a linear window, as DICOM PS3.3 C.11.2.1.2 defines it. */
export function expectedGrey(hu: number, { center, width }: { center: number; width: number }): number {
  const y = (hu - (center - 0.5)) / (width - 1) + 0.5;
  return Math.round(255 * Math.min(1, Math.max(0, y)));
}

/**
 * Reads what the user sees: a screenshot of the viewport, decoded in the page, sampled (3×3 mean of
 * the red channel) where the image pixels [column, row] of the 512×512 slice are drawn. The image is
 * fitted to the viewport and centred, as a viewer shows a new stack.
 */
export async function sampleViewport(
  page: Page,
  viewport: Locator,
  points: ReadonlyArray<readonly number[]>,
) {
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
