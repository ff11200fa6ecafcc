import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEMO_CODEC_STUDY, DEMO_CT, DEMO_TRANSFER_SYNTAXES } from '../demo';
import { expectedGrey, sampleViewport } from './ctPixels';
import { expect, test } from './fixtures';

// A shown series' images come in one WADO-RS answer (all its Part-10 files) instead of one request per
// frame (src/viewer/seriesRetrieval.ts). The images must be the ones the per-frame path gives, every
// image must end up decoded, and images that answer cannot give (compressed files, a failed answer)
// must still come, per frame.

const SHOTS = 'test-results/series-retrieval';
mkdirSync(SHOTS, { recursive: true });

interface SeenRequests {
  /** Whole-series retrieves (GET …/series/{uid}, not its metadata or thumbnail). */
  series: string[];
  /** Frame retrieves, by path. */
  frames: string[];
}

function recordRequests(page: Page, seriesInstanceUid: string): SeenRequests {
  const seen: SeenRequests = { series: [], frames: [] };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(`/series/${seriesInstanceUid}`)) seen.series.push(request.headers()['accept'] ?? '');
    if (/\/frames\/\d+$/.test(path)) seen.frames.push(path);
  });
  return seen;
}

/** Makes the series' one answer fail, as a PACS that cannot give it does. */
async function refuseSeriesRetrieve(page: Page, seriesInstanceUid: string): Promise<void> {
  await page.route(
    (url) => url.pathname.endsWith(`/series/${seriesInstanceUid}`),
    (route) => route.abort('connectionreset'),
  );
}

const cachedImages = (page: Page) => page.evaluate(() => window.foveaImageCache?.images() ?? 0);

async function openSeries(page: Page, study: string, series: string): Promise<Locator> {
  await page.goto(`/viewer?StudyInstanceUIDs=${study}&SeriesInstanceUID=${series}`);
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-series-uid', series);
  await expect(viewport).toHaveAttribute('data-status', 'ready', { timeout: 80_000 });
  return viewport;
}

async function waitForCachedImages(page: Page, count: number): Promise<void> {
  await expect.poll(() => cachedImages(page), { timeout: 80_000 }).toBe(count);
}

/** Slice 100 of the CT, where the catalog's probes lie, as the user sees it. */
async function showSlice100(page: Page, viewport: Locator): Promise<number[]> {
  await page.getByTestId('image-slider').fill('101');
  await expect(viewport).toHaveAttribute('data-image-index', '100');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  // Two display frames: the drawing of the image reported ready is on the canvas.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return sampleViewport(page, viewport, DEMO_CT.probes);
}

/** Every pixel of the viewport's screenshot, red channel. */
async function viewportPixels(viewport: Locator, name: string): Promise<Buffer> {
  return viewport.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('the CT comes in one answer, every image decoded, none fetched frame by frame but the first', async ({
  page,
}) => {
  const seen = recordRequests(page, DEMO_CT.seriesInstanceUID);
  const viewport = await openSeries(page, DEMO_CT.studyInstanceUID, DEMO_CT.seriesInstanceUID);
  await waitForCachedImages(page, DEMO_CT.slices);

  expect(seen.series).toEqual(['multipart/related; type="application/dicom"; transfer-syntax=*']);
  // The first image's frame is fetched by itself, for the early drawing, before the series answer.
  expect(seen.frames.length, `frame requests: ${seen.frames.join(', ')}`).toBeLessThanOrEqual(1);

  const seenGreys = await showSlice100(page, viewport);
  const expected = DEMO_CT.probes.map(([, , hu]) => expectedGrey(hu, DEMO_CT.window));
  seenGreys.forEach((grey, i) => {
    expect(Math.abs(grey - expected[i]!), `probe ${DEMO_CT.probes[i]!.join(',')}`).toBeLessThanOrEqual(12);
  });
  // Nothing was fetched again for the slice scrolled to.
  expect(seen.frames.length).toBeLessThanOrEqual(1);
  await viewportPixels(viewport, 'ct-slice-100-one-answer');
});

/** The series' retrieves in the page's own Resource Timing: a worker's requests are in its own. */
const seriesRetrievesOfPage = (page: Page, seriesInstanceUid: string) =>
  page.evaluate(
    (uid) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith(`/series/${uid}`)).length,
    seriesInstanceUid,
  );

const SERIES_READER = /seriesRetrieval\.worker-[\w-]+\.js$/;

test('the series answer is read in a worker of its own, not on the page', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const seen = recordRequests(page, DEMO_CT.seriesInstanceUID);
  await openSeries(page, DEMO_CT.studyInstanceUID, DEMO_CT.seriesInstanceUID);
  await waitForCachedImages(page, DEMO_CT.slices);
  expect(seen.series.length).toBe(1);
  expect(workers.filter((url) => SERIES_READER.test(new URL(url).pathname))).toHaveLength(1);
  expect(await seriesRetrievesOfPage(page, DEMO_CT.seriesInstanceUID)).toBe(0);
});

test('where the worker cannot start, the page reads the answer itself, and every image comes', async ({
  page,
}) => {
  await page.route(
    (url) => SERIES_READER.test(url.pathname),
    (route) => route.fulfill({ status: 404, body: 'Not found' }),
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const seen = recordRequests(page, DEMO_CT.seriesInstanceUID);
  const viewport = await openSeries(page, DEMO_CT.studyInstanceUID, DEMO_CT.seriesInstanceUID);
  await waitForCachedImages(page, DEMO_CT.slices);
  expect(seen.series.length).toBe(1);
  expect(await seriesRetrievesOfPage(page, DEMO_CT.seriesInstanceUID)).toBe(1);
  expect(seen.frames.length, `frame requests: ${seen.frames.join(', ')}`).toBeLessThanOrEqual(1);
  expect(errors).toEqual([]);
  await showSlice100(page, viewport);
  await viewportPixels(viewport, 'ct-slice-100-read-on-page');
});

test('a failed series answer loses nothing: every image comes frame by frame, drawn the same', async ({
  page,
  browser,
}) => {
  const bulkViewport = await openSeries(page, DEMO_CT.studyInstanceUID, DEMO_CT.seriesInstanceUID);
  await waitForCachedImages(page, DEMO_CT.slices);
  await showSlice100(page, bulkViewport);
  const fromOneAnswer = await viewportPixels(bulkViewport, 'ct-slice-100-compare-one-answer');

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const perFramePage = await context.newPage();
  try {
    await refuseSeriesRetrieve(perFramePage, DEMO_CT.seriesInstanceUID);
    const seen = recordRequests(perFramePage, DEMO_CT.seriesInstanceUID);
    const viewport = await openSeries(perFramePage, DEMO_CT.studyInstanceUID, DEMO_CT.seriesInstanceUID);
    await waitForCachedImages(perFramePage, DEMO_CT.slices);
    expect(seen.series.length).toBe(1);
    expect(new Set(seen.frames).size).toBe(DEMO_CT.slices);
    await showSlice100(perFramePage, viewport);
    const perFrame = await viewportPixels(viewport, 'ct-slice-100-per-frame');
    expect(perFrame.equals(fromOneAnswer), 'slice 100 drawn the same from both paths').toBe(true);
  } finally {
    await context.close();
  }
});

test('a compressed series still loads every image, frame by frame', async ({ page }) => {
  const rle = DEMO_TRANSFER_SYNTAXES.find((syntax) => syntax.uid === '1.2.840.10008.1.2.5')!;
  const seen = recordRequests(page, rle.seriesInstanceUID);
  await openSeries(page, DEMO_CODEC_STUDY.studyInstanceUID, rle.seriesInstanceUID);
  await waitForCachedImages(page, rle.images.length);
  // Its frames came one by one, as the browser asked for them.
  expect(new Set(seen.frames).size).toBe(rle.images.length);
  await page.screenshot({ path: `${SHOTS}/codec-rle.png` });
});

test('a series of native images of several kinds comes in one answer, each image as stored', async ({
  page,
}) => {
  const explicit = DEMO_TRANSFER_SYNTAXES.find((syntax) => syntax.uid === '1.2.840.10008.1.2.1')!;
  const seen = recordRequests(page, explicit.seriesInstanceUID);
  const viewport = await openSeries(page, DEMO_CODEC_STUDY.studyInstanceUID, explicit.seriesInstanceUID);
  await waitForCachedImages(page, explicit.images.length);
  expect(seen.series.length).toBe(1);
  expect(seen.frames.length).toBeLessThanOrEqual(1);
  // Each image is shown: colour, 8-, 12- and 16-bit ones decoded from the answer's bytes.
  for (let index = 0; index < explicit.images.length; index++) {
    await page.getByTestId('image-slider').fill(String(index + 1));
    await expect(viewport).toHaveAttribute('data-image-index', String(index));
    await expect(viewport).toHaveAttribute('data-status', 'ready');
  }
  await page.screenshot({ path: `${SHOTS}/codec-explicit.png` });
});
