import type { Locator, Page } from '@playwright/test';
import { DEMO_CT } from '../demo';

/** Grey level (0–255) of a Hounsfield value under a linear window, as DICOM PS3.3 C.11.2.1.2 defines it. */
export function expectedGrey(hu: number, { center, width }: { center: number; width: number }): number {
  const y = (hu - (center - 0.5)) / (width - 1) + 0.5;
  return Math.round(255 * Math.min(1, Math.max(0, y)));
}

/**
 * Grey levels where the image pixels [column, row] of the 512×512 slice are drawn (3×3 mean of the red
 * channel of a screenshot), the image fitted to the viewport and centred, as a viewer shows a new stack.
 */
export async function sampleViewport(
  page: Page,
  viewport: Locator,
  points: ReadonlyArray<readonly number[]>,
): Promise<number[]> {
  const box = (await viewport.boundingBox())!;
  const [width, height] = [Math.round(box.width), Math.round(box.height)];
  const size = DEMO_CT.columns;
  const scale = Math.min(width, height) / size;
  const offsetX = (width - size * scale) / 2;
  const offsetY = (height - size * scale) / 2;
  const onScreen = points.map(
    ([column, row]) => [offsetX + (column! + 0.5) * scale, offsetY + (row! + 0.5) * scale] as const,
  );
  return (await readViewport(page, viewport, onScreen)) as number[];
}

export type Point = readonly [number, number];

/**
 * Reads what the user sees: a screenshot of the viewport, decoded in the page. For each point (viewport
 * pixels) returns the mean red value of the 3×3 pixels there, or with `radius`, the centroid of the
 * bright (> 200) pixels within that distance.
 */
export async function readViewport(
  page: Page,
  viewport: Locator,
  points: readonly Point[],
  radius?: number,
): Promise<Point[] | number[]> {
  const png = (await viewport.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points, radius }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data, width } = context.getImageData(0, 0, image.width, image.height);
      const red = (x: number, y: number) => data[(y * width + x) * 4]!;
      if (radius === undefined) {
        return points.map(([px, py]) => {
          let sum = 0;
          for (let dy = -1; dy <= 1; dy++)
            for (let dx = -1; dx <= 1; dx++) sum += red(Math.round(px) + dx, Math.round(py) + dy);
          return Math.round(sum / 9);
        });
      }
      return points.map(([cx, cy]) => {
        let sx = 0;
        let sy = 0;
        let n = 0;
        for (let y = Math.round(cy - radius); y <= Math.round(cy + radius); y++) {
          for (let x = Math.round(cx - radius); x <= Math.round(cx + radius); x++) {
            if (red(x, y) > 200) {
              sx += x + 0.5;
              sy += y + 0.5;
              n++;
            }
          }
        }
        return n ? [sx / n, sy / n] : [NaN, NaN];
      });
    },
    { png, points: points.map(([x, y]) => [x, y] as [number, number]), radius },
  ) as Promise<Point[] | number[]>;
}
