import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import {
  differences,
  parseImageRect,
  pearson,
  sampleBilinear,
  samplingGrid,
  type GreyImage,
  type ImageRect,
  type SamplePoint,
} from './rendering';

/** What the viewport shows for one image: its window, where it lies, and the canvas sampled on a grid. */
export interface ViewportCapture {
  /** As the overlay shows it ("W 400 L 40"), parsed; undefined when the overlay shows none. */
  window: { center: number; width: number } | undefined;
  rect: ImageRect;
  points: SamplePoint[];
  /** Grey level (luminance for colour) of the canvas at each point. */
  values: number[];
}

/** Samples per side of the grid laid over the displayed image. */
const GRID = 160;

/** Waits until image `index` of series `seriesUid` is drawn. */
export async function waitForImage(viewport: Locator, seriesUid: string, index: number): Promise<void> {
  await expect(viewport).toHaveAttribute('data-series-uid', seriesUid);
  await expect(viewport).toHaveAttribute('data-image-index', String(index));
  await expect(viewport).toHaveAttribute('data-status', 'ready');
}

/**
 * Reads the image on the viewport's canvas (the pixels Cornerstone drew, without the overlay text)
 * where a grid of points over the displayed image falls; `image` gives its columns and rows.
 */
export async function captureViewport(
  page: Page,
  viewport: Locator,
  image: { columns: number; rows: number },
): Promise<ViewportCapture> {
  // Two animation frames: the canvas holds what the last render drew.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  const rect = parseImageRect(await viewport.locator('[data-image-rect]').getAttribute('data-image-rect'));
  const windowText = (await viewport.getByTestId('window-level').textContent()) ?? '';
  const match = windowText.match(/W (-?[\d.]+) L (-?[\d.]+)/);
  const window = match ? { width: Number(match[1]), center: Number(match[2]) } : undefined;

  const canvas = await viewport
    .locator('canvas')
    .first()
    .evaluate((element) => {
      const c = element as HTMLCanvasElement;
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
    });
  // The rectangle is in CSS pixels; the tests run at a device pixel ratio of 1.
  expect(canvas.width, 'canvas pixels = CSS pixels').toBe(canvas.cssWidth);
  expect(canvas.height, 'canvas pixels = CSS pixels').toBe(canvas.cssHeight);
  const points = samplingGrid(rect, image, canvas, GRID, GRID);
  const values = await viewport
    .locator('canvas')
    .first()
    .evaluate(
      (element, xy) => {
        const c = element as HTMLCanvasElement;
        const context = c.getContext('2d');
        if (!context) throw new Error('The viewport canvas has no 2D context to read');
        const { data } = context.getImageData(0, 0, c.width, c.height);
        const out: number[] = [];
        for (let i = 0; i < xy.length; i += 2) {
          const at = 4 * (xy[i + 1]! * c.width + xy[i]!);
          out.push(0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!);
        }
        return out;
      },
      points.flatMap((p) => [p.x, p.y]),
    );
  return { window, rect, points, values };
}

/** The reference sampled where the capture's points show it (bilinear unless `sample` is given). */
export function sampleReference(
  reference: GreyImage,
  capture: ViewportCapture,
  sample: (column: number, row: number) => number = (column, row) => sampleBilinear(reference, column, row),
): number[] {
  return capture.points.map((p) => sample(p.column, p.row));
}

/** Where the viewer and the reference differ most: the image coordinates and both grey levels. */
export interface WorstPoint {
  column: number;
  row: number;
  viewer: number;
  reference: number;
}

/** Agreement of the viewer's rendering with the reference rendering. */
export function agreement(
  capture: ViewportCapture,
  reference: GreyImage,
  sample?: (column: number, row: number) => number,
) {
  const expected = sampleReference(reference, capture, sample);
  let at = 0;
  for (let i = 1; i < expected.length; i++)
    if (Math.abs(capture.values[i]! - expected[i]!) > Math.abs(capture.values[at]! - expected[at]!)) at = i;
  const worst: WorstPoint = {
    column: capture.points[at]!.column,
    row: capture.points[at]!.row,
    viewer: capture.values[at]!,
    reference: expected[at]!,
  };
  return { correlation: pearson(capture.values, expected), ...differences(capture.values, expected), worst };
}

/**
 * Moves the viewport's stack from image `from` to image `to` (0-based) with the keys a user presses:
 * Page Down/Up for a tenth of the series at a time, then the arrows; waits until it is drawn.
 */
export async function goToImage(
  page: Page,
  viewport: Locator,
  seriesUid: string,
  { from, to, count }: { from: number; to: number; count: number },
): Promise<void> {
  const pageSize = Math.max(1, Math.round(count * 0.1));
  let at = from;
  while (at !== to) {
    const distance = to - at;
    const step = Math.abs(distance) >= pageSize ? pageSize : 1;
    const key = step === pageSize && pageSize > 1 ? 'Page' : 'Arrow';
    await page.keyboard.press(`${key}${distance > 0 ? 'Down' : 'Up'}`);
    at += Math.sign(distance) * step;
  }
  await waitForImage(viewport, seriesUid, to);
}
