import type { Locator, Page } from '@playwright/test';
import { DEMO_CT, DEMO_STUDIES } from '../demo';
import { readViewport, type Point } from './ctPixels';
import { expect, test } from './fixtures';

const SHOTS = 'test-results/screenshots';

/** Grey level (0–255) of a Hounsfield value under a linear window, as DICOM PS3.3 C.11.2.1.2 defines it. */
function expectedGrey(hu: number, { center, width }: { center: number; width: number }): number {
  const y = (hu - (center - 0.5)) / (width - 1) + 0.5;
  return Math.round(255 * Math.min(1, Math.max(0, y)));
}

/** Where image pixel centres are on the page: page x = originX + (column + 0.5) · scale, likewise y. */
interface ImageOnScreen {
  originX: number;
  originY: number;
  scale: number;
}

/**
 * Finds the two ruler markers on screen the way a reader aims at them: the centroid of the bright
 * pixels near where a fitted, centred image would put each one. From the two, the mapping of image
 * pixels to the page follows (the catalogue gives their image coordinates).
 */
async function locateImage(page: Page, viewport: Locator): Promise<ImageOnScreen> {
  const box = (await viewport.boundingBox())!;
  const { from, to } = DEMO_CT.ruler;
  const size = DEMO_CT.columns;
  const fitted = Math.min(box.width, box.height) / size;
  const guess = ([column, row]: Point): Point => [
    (box.width - size * fitted) / 2 + (column + 0.5) * fitted,
    (box.height - size * fitted) / 2 + (row + 0.5) * fitted,
  ];
  const centroids = (await readViewport(page, viewport, [guess(from), guess(to)], 15)) as Point[];
  const [[x1, y1], [x2]] = centroids as [Point, Point];
  expect(Number.isFinite(x1) && Number.isFinite(x2), 'both ruler markers are visible').toBe(true);
  const scale = (x2 - x1) / (to[0] - from[0]);
  return {
    originX: box.x + x1 - (from[0] + 0.5) * scale,
    originY: box.y + y1 - (from[1] + 0.5) * scale,
    scale,
  };
}

const onPage = (image: ImageOnScreen, [column, row]: Point): Point => [
  image.originX + (column + 0.5) * image.scale,
  image.originY + (row + 0.5) * image.scale,
];

/** Mean red value of the 3×3 screen pixels at an image pixel. */
async function greyAt(page: Page, viewport: Locator, image: ImageOnScreen, point: Point): Promise<number> {
  const box = (await viewport.boundingBox())!;
  const [x, y] = onPage(image, point);
  const [grey] = (await readViewport(page, viewport, [[x - box.x, y - box.y]])) as number[];
  return grey!;
}

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, { steps: 5 });
  await page.mouse.move(to[0], to[1], { steps: 5 });
  await page.mouse.up();
}

/** The measurement text Cornerstone draws over the image. */
async function measurementText(viewport: Locator): Promise<string> {
  return (await viewport.locator('svg text').allTextContents()).join(' | ');
}

/** Opens the demo CT on the slice of the ruler and the probes, with the CT ready. */
async function openCtAtProbeSlice(page: Page): Promise<Locator> {
  await page.goto(`/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID}`);
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  const slider = page.getByTestId('image-slider');
  await slider.fill(String(DEMO_CT.probeSlice + 1));
  await expect(viewport).toHaveAttribute('data-image-index', String(DEMO_CT.probeSlice));
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('image-number')).toHaveText(
    `Image ${DEMO_CT.probeSlice + 1} / ${DEMO_CT.slices}`,
  );
  await page.waitForTimeout(300);
  return viewport;
}

test('the length tool reads the known distance between the ruler markers in mm', async ({ page }) => {
  const viewport = await openCtAtProbeSlice(page);
  const image = await locateImage(page, viewport);
  const { from, to } = DEMO_CT.ruler;
  const expectedMm = Math.hypot(to[0] - from[0], to[1] - from[1]) * DEMO_CT.pixelSpacingMm;

  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Length' })).toHaveAttribute('aria-pressed', 'true');
  await drag(page, onPage(image, from), onPage(image, to));
  // The label follows the drag; read it once it has settled on the finished line.
  let text = '';
  await expect
    .poll(
      async () => {
        const before = text;
        text = await measurementText(viewport);
        return /mm/.test(text) && text === before;
      },
      { intervals: [250] },
    )
    .toBe(true);
  const measured = Number(/([\d.]+)\s*mm/.exec(text)?.[1]);
  expect(
    Math.abs(measured - expectedMm) / expectedMm,
    `measured "${text}", expected ${expectedMm.toFixed(2)} mm`,
  ).toBeLessThanOrEqual(0.01);
  await page.screenshot({ path: `${SHOTS}/viewer-length.png` });

  // Clearing removes the measurement from the image.
  await page.keyboard.press('Delete');
  await expect.poll(() => measurementText(viewport)).toBe('');
});

test('region statistics read the catalogued Hounsfield value of a uniform region', async ({ page }) => {
  const viewport = await openCtAtProbeSlice(page);
  const image = await locateImage(page, viewport);
  // The mediastinum probe: uniform soft tissue at least 20 pixels in every direction on this slice.
  const [column, row, hu] = DEMO_CT.probes.find(([c, r]) => c === 256 && r === 256)!;
  // The phantom has no noise, so every pixel in the region holds exactly the catalogued value: the
  // mean can differ from it only by the display's rounding (0.5 HU), and the SD is 0.
  const tolerance = 0.5;

  await page.getByRole('button', { name: 'Rectangle' }).click();
  await drag(page, onPage(image, [column - 10, row - 10]), onPage(image, [column + 10, row + 10]));
  await expect.poll(() => measurementText(viewport)).toMatch(/Mean/);
  let text = await measurementText(viewport);
  const mean = Number(/Mean:\s*(-?[\d.]+)\s*HU/.exec(text)?.[1]);
  const sd = Number(/Std Dev:\s*(-?[\d.]+)\s*HU/.exec(text)?.[1]);
  expect(Math.abs(mean - hu), `rectangle: "${text}"`).toBeLessThanOrEqual(tolerance);
  expect(sd, `rectangle: "${text}"`).toBeLessThanOrEqual(tolerance);
  expect(text).toMatch(/Area:\s*[\d.]+\s*mm/);

  await page.keyboard.press('Delete');
  await expect.poll(() => measurementText(viewport)).toBe('');
  await page.keyboard.press('e');
  await drag(page, onPage(image, [column - 8, row - 8]), onPage(image, [column + 8, row + 8]));
  await expect.poll(() => measurementText(viewport)).toMatch(/Mean/);
  text = await measurementText(viewport);
  const ellipseMean = Number(/Mean:\s*(-?[\d.]+)\s*HU/.exec(text)?.[1]);
  expect(Math.abs(ellipseMean - hu), `ellipse: "${text}"`).toBeLessThanOrEqual(tolerance);
  await page.screenshot({ path: `${SHOTS}/viewer-roi.png` });
});

test('presets, invert, flip and reset change the image as the window says', async ({ page }) => {
  const viewport = await openCtAtProbeSlice(page);
  const image = await locateImage(page, viewport);
  const windowText = page.getByTestId('window-level');
  const lung = DEMO_CT.probes.find(([, , hu]) => hu === -800)!;
  const lungPoint: Point = [lung[0], lung[1]];
  const [fileDefault, fileLung] = DEMO_CT.windows;

  await expect(windowText).toHaveText(`W ${fileDefault!.width} L ${fileDefault!.center}`);
  expect(
    Math.abs((await greyAt(page, viewport, image, lungPoint)) - expectedGrey(lung[2], fileDefault!)),
  ).toBeLessThanOrEqual(12);

  // The file's second window, chosen from the menu by its explanation.
  const presets = page.getByRole('combobox', { name: 'Window preset' });
  await presets.selectOption({
    label: `2. ${fileLung!.explanation} (W ${fileLung!.width} L ${fileLung!.center})`,
  });
  await expect(windowText).toHaveText(`W ${fileLung!.width} L ${fileLung!.center}`);
  await page.waitForTimeout(200);
  const lungGrey = await greyAt(page, viewport, image, lungPoint);
  expect(Math.abs(lungGrey - expectedGrey(lung[2], fileLung!))).toBeLessThanOrEqual(12);
  await page.screenshot({ path: `${SHOTS}/viewer-lung-window.png` });

  // Invert: the same window, the grey scale turned over.
  await page.keyboard.press('i');
  await expect(viewport).toHaveAttribute('data-inverted', 'true');
  await expect(page.getByRole('button', { name: 'Invert' })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(200);
  expect(Math.abs((await greyAt(page, viewport, image, lungPoint)) - (255 - lungGrey))).toBeLessThanOrEqual(
    12,
  );
  await page.screenshot({ path: `${SHOTS}/viewer-inverted.png` });

  // A CT preset by its key: the third entry is the standard brain window (W 80 L 40).
  await page.keyboard.press('3');
  await expect(windowText).toHaveText('W 80 L 40');

  // Flip left–right: the patient's left is now on the screen's left.
  const markers = page.getByTestId('orientation-markers');
  await expect(markers).toHaveText('APRL');
  await page.keyboard.press('h');
  await expect(markers).toHaveText('APLR');
  // Rotate 90° clockwise: what was on the left comes to the top.
  await page.keyboard.press('r');
  await expect(markers.locator('span').first()).toHaveText('L');

  // Reset: the file's window, no inversion, the patient's right on the left again.
  await viewport.focus();
  await page.keyboard.press(' ');
  await expect(windowText).toHaveText(`W ${fileDefault!.width} L ${fileDefault!.center}`);
  await expect(viewport).toHaveAttribute('data-inverted', 'false');
  await expect(markers).toHaveText('APRL');

  // The shortcut list.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Length: drag from one point to another');
  await page.screenshot({ path: `${SHOTS}/viewer-help.png` });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('1×2 shows two series: the CT and a prior study dragged into the second viewport', async ({ page }) => {
  const prior = DEMO_STUDIES.find(
    (study) => study.patient === DEMO_CT.patient && study.series.some((s) => s.modality === 'OP'),
  )!;
  const priorSeries = prior.series.find((s) => s.modality === 'OP')!;

  // Two series load here, and thumbnails wait behind the images on purpose: on a cold archive and a
  // busy machine this takes longer than the default limit.
  test.setTimeout(180_000);
  await page.goto(`/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID}`);
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await page.getByRole('button', { name: 'Layout 1×2' }).click();
  const viewports = page.getByTestId('viewport');
  await expect(viewports).toHaveCount(2);
  await expect(viewports.nth(0)).toHaveAttribute('data-series-uid', DEMO_CT.seriesInstanceUID);

  // The patient's prior study, found by Patient ID, joins the series list.
  await page.locator(`[data-testid=prior-study][data-study-uid="${prior.studyInstanceUID}"]`).click();
  await expect(page).toHaveURL(new RegExp(prior.studyInstanceUID.replace(/\./g, '\\.')));
  const priorItem = page.locator(
    `[data-testid=series-item][data-series-uid="${priorSeries.seriesInstanceUID}"]`,
  );
  await priorItem.dragTo(page.getByTestId('viewport-slot').nth(1));

  await expect(viewports.nth(1)).toHaveAttribute('data-series-uid', priorSeries.seriesInstanceUID);
  await expect(viewports.nth(1)).toHaveAttribute('data-status', 'ready');
  await expect(viewports.nth(0)).toHaveAttribute('data-series-uid', DEMO_CT.seriesInstanceUID);
  await expect(viewports.nth(0)).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('viewport-slot').nth(1)).toHaveAttribute('data-active', 'true');
  // The banner names the patient whichever viewport is active.
  await expect(page.getByTestId('patient-banner')).toContainText('FOV1001');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/viewer-1x2.png` });

  // Cine on the CT: the images move on by themselves until stopped.
  await viewports.nth(0).click();
  await expect(page.getByTestId('viewport-slot').nth(0)).toHaveAttribute('data-active', 'true');
  const before = await viewports.nth(0).getAttribute('data-image-index');
  await page.keyboard.press('c');
  await expect(viewports.nth(0)).toHaveAttribute('data-cine', 'playing');
  await expect(viewports.nth(0)).not.toHaveAttribute('data-image-index', before!);
  await page.keyboard.press('c');
  await expect(viewports.nth(0)).toHaveAttribute('data-cine', 'stopped');

  // The series browser: a thumbnail drawn by the archive and the loading progress of the CT.
  const ctItem = page.locator(`[data-testid=series-item][data-series-uid="${DEMO_CT.seriesInstanceUID}"]`);
  await expect(ctItem.getByTestId('series-thumbnail')).toBeVisible({ timeout: 60_000 });
  expect(
    await ctItem.getByTestId('series-thumbnail').evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  await expect(ctItem.getByTestId('series-progress')).toHaveAttribute(
    'aria-valuemax',
    String(DEMO_CT.slices),
  );
});
