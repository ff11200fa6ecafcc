import { mkdirSync } from 'node:fs';
import type { Locator, Page, Request } from '@playwright/test';
import { DEMO_CODEC_STUDY, DEMO_CR, DEMO_CT, DEMO_TRANSFER_SYNTAXES } from '../demo';
import { demoUid } from '../demo/uids';
import { expect, orthancRest, test } from './fixtures';
import { parseImageRect, pearson } from './rendering';

/** Until the viewer has drawn image 1 of the series and its tools listen; patient on a busy machine. */
async function waitForViewer(viewport: Locator, seriesUid: string): Promise<void> {
  await expect(viewport).toHaveAttribute('data-series-uid', seriesUid);
  await expect(viewport).toHaveAttribute('data-image-index', '0');
  await expect(viewport).toHaveAttribute('data-status', 'ready', { timeout: 80_000 });
}

// The viewer draws the first image of a series itself, from its frame, while Cornerstone's code loads
// (src/viewer/firstFrame/). That early image must be the slice as the viewer will show it (same place,
// window, inversion), the frame must be fetched once, and any trouble on that path must leave the
// normal one to show the image.

const SHOTS = 'test-results/first-image';
mkdirSync(SHOTS, { recursive: true });

const viewerUrl = (study: string, series?: string) =>
  `/viewer?StudyInstanceUIDs=${study}${series ? `&SeriesInstanceUID=${series}` : ''}`;

/** Holds back the page's requests for `url` until the returned function is called; `onHeld` at each. */
async function holdBack(page: Page, url: string | RegExp, onHeld?: () => void): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    onHeld?.();
    await released;
    await route.continue();
  });
  return release;
}

/** The viewer's image code (the Cornerstone chunk). */
const IMAGE_CODE = /\/assets\/StackViewport-[^/]+\.js$/;
/** The app's code (React and the pages). */
const APP_CODE = /\/assets\/start-[^/]+\.js$/;

/** Records whether the early image was ever in the page, however briefly. */
async function watchForEarlyImage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const mark = () => {
      if (document.querySelector('[data-testid="early-image"]'))
        (window as unknown as { earlyImageSeen: boolean }).earlyImageSeen = true;
    };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  });
}

const earlyImageSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { earlyImageSeen?: boolean }).earlyImageSeen === true);

/** Every frame request of the page, by URL. */
function recordFrameRequests(page: Page): Map<string, Request[]> {
  const requests = new Map<string, Request[]>();
  page.on('request', (request) => {
    if (!/\/frames\/\d+$/.test(new URL(request.url()).pathname)) return;
    requests.set(request.url(), [...(requests.get(request.url()) ?? []), request]);
  });
  return requests;
}

function expectEachFrameFetchedOnce(requests: Map<string, Request[]>): void {
  const repeated = [...requests].filter(([, list]) => list.length > 1).map(([url]) => url);
  expect(repeated, 'frames fetched more than once').toEqual([]);
}

/** Red channel of every pixel of a canvas, with its size. */
async function canvasGreys(canvas: Locator): Promise<{ width: number; height: number; greys: number[] }> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const greys: number[] = [];
    for (let i = 0; i < data.length; i += 4) greys.push(data[i]!);
    return { width: c.width, height: c.height, greys };
  });
}

const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );

/**
 * Opens `url` with the image code held back, reads the early image, lets the viewer take over and
 * reads its canvas: both must show the same picture in the same place.
 */
async function compareEarlyWithViewer(
  page: Page,
  url: string,
  seriesUid: string,
  image: { columns: number; rows: number; spacing: readonly [number, number] },
  name: string,
) {
  await watchForEarlyImage(page);
  const frames = recordFrameRequests(page);
  const release = await holdBack(page, IMAGE_CODE);
  await page.goto(url);

  const viewport = page.getByTestId('viewport');
  const early = viewport.getByTestId('early-image');
  await expect(early).toBeVisible();
  // Only a picture so far: the viewport does not claim to be ready, and says the tools are loading.
  await expect(viewport).toHaveAttribute('data-status', 'loading');
  await expect(viewport.getByText('tools are loading', { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-early.png` });
  const before = await canvasGreys(early);

  release();
  await waitForViewer(viewport, seriesUid);
  await expect(early).toHaveCount(0);
  await twoFrames(page);
  await page.screenshot({ path: `${SHOTS}/${name}-viewer.png` });
  const after = await canvasGreys(viewport.locator('.viewport__canvas canvas').first());

  expect([before.width, before.height], 'the early canvas has the viewer canvas size').toEqual([
    after.width,
    after.height,
  ]);
  // Where Cornerstone put the image, and where the early drawing fitted it.
  const rect = parseImageRect(await viewport.locator('[data-image-rect]').getAttribute('data-image-rect'));
  const [rowSpacing, columnSpacing] = image.spacing;
  const widthMm = image.columns * columnSpacing;
  const heightMm = image.rows * rowSpacing;
  const scale = Math.min(after.width / widthMm, after.height / heightMm);
  const left = (after.width - widthMm * scale) / 2;
  const top = (after.height - heightMm * scale) / 2;
  expect(Math.abs(rect.left - left), 'left edge').toBeLessThanOrEqual(1);
  expect(Math.abs(rect.top - top), 'top edge').toBeLessThanOrEqual(1);
  expect(Math.abs(rect.right - (after.width - left)), 'right edge').toBeLessThanOrEqual(1);
  expect(Math.abs(rect.bottom - (after.height - top)), 'bottom edge').toBeLessThanOrEqual(1);

  const correlation = pearson(before.greys, after.greys);
  let sum = 0;
  let largest = 0;
  for (let i = 0; i < before.greys.length; i++) {
    const d = Math.abs(before.greys[i]! - after.greys[i]!);
    sum += d;
    largest = Math.max(largest, d);
  }
  const mean = sum / before.greys.length;
  test.info().annotations.push({
    type: 'early vs viewer',
    description: `${name}: r=${correlation.toFixed(5)} mean |d|=${mean.toFixed(3)} max |d|=${largest}`,
  });
  expect(correlation, 'the early image correlates with the viewer image').toBeGreaterThan(0.995);
  expect(mean, 'mean grey difference').toBeLessThan(1);
  expect(await earlyImageSeen(page)).toBe(true);
  expectEachFrameFetchedOnce(frames);
  return { viewport, frames };
}

test.describe.configure({ timeout: 180_000 });

test('the CT opens with its first slice drawn early, identical to the viewer image that replaces it', async ({
  page,
}) => {
  const { frames } = await compareEarlyWithViewer(
    page,
    viewerUrl(DEMO_CT.studyInstanceUID),
    DEMO_CT.seriesInstanceUID,
    {
      columns: DEMO_CT.columns,
      rows: DEMO_CT.rows,
      spacing: [DEMO_CT.pixelSpacingMm, DEMO_CT.pixelSpacingMm],
    },
    'ct',
  );
  // The patient banner named the patient from the start; it still does.
  await expect(page.getByTestId('patient-banner')).toContainText('FOV1001');
  // The first slice was fetched once, by the page (fetch), and the image loader used those bytes.
  const early = [...frames.values()].flat().filter((request) => request.resourceType() === 'fetch');
  expect(early).toHaveLength(1);
});

test('a MONOCHROME1 radiograph is drawn early as the viewer draws it: inverted, non-square, fitted', async ({
  page,
}) => {
  await compareEarlyWithViewer(
    page,
    viewerUrl(DEMO_CR.studyInstanceUID),
    DEMO_CR.seriesInstanceUID,
    {
      columns: DEMO_CR.columns,
      rows: DEMO_CR.rows,
      spacing: [DEMO_CR.pixelSpacingMm, DEMO_CR.pixelSpacingMm],
    },
    'cr',
  );
});

test('a compressed first image is left to the viewer to draw, and fetched once', async ({ page }) => {
  const jpeg = DEMO_TRANSFER_SYNTAXES.find((syntax) => syntax.uid === '1.2.840.10008.1.2.4.50')!;
  await watchForEarlyImage(page);
  const frames = recordFrameRequests(page);
  await page.goto(viewerUrl(DEMO_CODEC_STUDY.studyInstanceUID, jpeg.seriesInstanceUID));
  const viewport = page.getByTestId('viewport');
  await waitForViewer(viewport, jpeg.seriesInstanceUID);
  await page.screenshot({ path: `${SHOTS}/compressed.png` });
  expect(await earlyImageSeen(page)).toBe(false);
  expectEachFrameFetchedOnce(frames);
});

test('a first frame that cannot be fetched early leaves the viewer to fetch and show it', async ({
  page,
}) => {
  await watchForEarlyImage(page);
  // The early request (the page's own fetch) fails; the image loader's requests go through.
  await page.route(/\/frames\/\d+$/, (route) =>
    route.request().resourceType() === 'fetch' ? route.abort('failed') : route.continue(),
  );
  await page.goto(viewerUrl(DEMO_CT.studyInstanceUID));
  const viewport = page.getByTestId('viewport');
  await waitForViewer(viewport, DEMO_CT.seriesInstanceUID);
  await expect(viewport.getByTestId('viewport-message')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/early-fetch-failed.png` });
  expect(await earlyImageSeen(page)).toBe(false);
  const { greys } = await canvasGreys(viewport.locator('.viewport__canvas canvas').first());
  expect(greys.filter((grey) => grey > 40).length, 'the viewer drew the slice').toBeGreaterThan(
    greys.length / 10,
  );
});

test('a page opened on the viewer asks for the study, its series, their metadata and the first frame before the app code has loaded, and once, and shows the patient and the first image meanwhile', async ({
  page,
}) => {
  // The app's code (React and the pages) is held back: what the page asks for meanwhile comes from the
  // small start-up module alone.
  let appHeld = false;
  const releaseApp = await holdBack(page, APP_CODE, () => (appHeld = true));
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/dicom-web/')) asked.push(`${pathname}${search}`);
  });
  const study = DEMO_CT.studyInstanceUID;
  const seriesPath = `/dicom-web/studies/${study}/series/${DEMO_CT.seriesInstanceUID}`;
  const isStudySearch = (url: string) => url.startsWith(`/dicom-web/studies?StudyInstanceUID=${study}`);
  const isSeriesSearch = (url: string) => url.startsWith(`/dicom-web/studies/${study}/series?`);
  const isMetadata = (url: string) => url === `${seriesPath}/metadata`;
  const isFrame = (url: string) => url.startsWith(`${seriesPath}/instances/`) && url.endsWith('/frames/1');
  // The likely first image (Instance Number 1) is looked up beside the series' metadata.
  const isLikelySearch = (url: string) => url === `${seriesPath}/instances?InstanceNumber=1`;
  const isInstanceMetadata = (url: string) =>
    url.startsWith(`${seriesPath}/instances/`) && url.endsWith('/metadata');

  await page.goto(`/viewer/${study}`, { waitUntil: 'commit' });
  await expect.poll(() => asked.some(isFrame), { timeout: 60_000 }).toBe(true);
  expect(asked.filter(isStudySearch)).toHaveLength(1);
  expect(asked.filter(isSeriesSearch)).toHaveLength(1);
  expect(asked.filter(isMetadata)).toHaveLength(1);
  expect(appHeld, 'the app code was asked for and held back').toBe(true);
  // Meanwhile the page itself shows the viewer's frame: the patient's banner, then the first slice.
  const earlyPage = page.getByTestId('early-page');
  await expect(earlyPage.getByTestId('patient-banner')).toContainText('FOV1001');
  await expect(earlyPage.getByTestId('patient-banner')).toContainText('MÜLLER, Jürgen');
  await expect(earlyPage.getByText('tools are loading', { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/early-page.png` });
  const { greys } = await canvasGreys(earlyPage.getByTestId('early-page-image'));
  expect(greys.filter((grey) => grey > 40).length, 'the page drew the slice').toBeGreaterThan(
    greys.length / 10,
  );

  releaseApp();
  const viewport = page.getByTestId('viewport');
  await waitForViewer(viewport, DEMO_CT.seriesInstanceUID);
  // The app replaced the page's own frame.
  await expect(earlyPage).toHaveCount(0);
  await expect(page.getByTestId('patient-banner')).toContainText('FOV1001');
  // The viewer took the answers the start-up asked for: none of them was asked for a second time.
  expect(asked.filter(isStudySearch)).toHaveLength(1);
  expect(asked.filter(isSeriesSearch)).toHaveLength(1);
  expect(asked.filter(isMetadata)).toHaveLength(1);
  expect(asked.filter(isLikelySearch)).toHaveLength(1);
  expect(asked.filter(isInstanceMetadata)).toHaveLength(1);
  expect(
    asked.filter((url) => url === `${seriesPath}/instances/${firstInstanceOf(asked)}/frames/1`),
  ).toHaveLength(1);
});

test('studies of two patients opened together: the page draws no image before the app names both', async ({
  page,
}) => {
  const releaseApp = await holdBack(page, APP_CODE);
  const frames = recordFrameRequests(page);
  await page.goto(`/viewer?StudyInstanceUIDs=${DEMO_CT.studyInstanceUID},${DEMO_CR.studyInstanceUID}`);
  const earlyPage = page.getByTestId('early-page');
  // The first image's frame arrives while the app's code is held back; the page still shows no one.
  await expect.poll(() => frames.size, { timeout: 60_000 }).toBeGreaterThan(0);
  await twoFrames(page);
  await expect(earlyPage.getByTestId('patient-banner')).toHaveText('Loading patient…');
  await expect(earlyPage.getByText('tools are loading', { exact: false })).toHaveCount(0);
  const { greys } = await canvasGreys(earlyPage.getByTestId('early-page-image'));
  expect(
    greys.filter((grey) => grey > 0),
    'nothing drawn',
  ).toHaveLength(0);

  releaseApp();
  await expect(page.getByRole('alert').filter({ hasText: 'different patients' })).toContainText(
    'belong to 2 different patients',
  );
  await waitForViewer(page.getByTestId('viewport').first(), DEMO_CT.seriesInstanceUID);
});

test('a series whose Instance Number 1 is not its first slice: the page replaces that likely image with the slice the viewer opens on', async ({
  page,
}) => {
  // Three slices of the demo CT, far apart, stored as a study of their own numbered out of position
  // order (as a reconstruction numbered in acquisition order can be): Instance Number 1 is the middle
  // slice, and the stack, ordered by position, opens on Instance Number 2.
  const key = 'e2e/likely-first-image';
  const study = demoUid(`${key}/study`);
  const series = demoUid(`${key}/series`);
  const slices = [
    { from: 20, number: 2 },
    { from: 100, number: 1 },
    { from: 180, number: 3 },
  ].map((slice) => ({ ...slice, sop: demoUid(`${key}/instance/${slice.number}`) }));
  const likely = slices.find((slice) => slice.number === 1)!;
  const first = slices.find((slice) => slice.number === 2)!;
  try {
    await storeRenumberedSlices(study, series, slices);
    // The series' metadata (which gives the stack order) is held back until the page has drawn the
    // likely image, and the app's code until the page has replaced it.
    const releaseMetadata = await holdBack(page, `**/dicom-web/studies/${study}/series/${series}/metadata`);
    const releaseApp = await holdBack(page, APP_CODE);
    const frames = recordFrameRequests(page);
    await page.goto(viewerUrl(study));

    const earlyPage = page.getByTestId('early-page');
    const earlyImage = earlyPage.getByTestId('early-page-image');
    await expect(earlyPage.getByTestId('patient-banner')).toContainText('FOV1001');
    await expect(earlyImage).toHaveAttribute('data-image-id', frameOf(likely.sop), { timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/renumbered-likely.png` });
    const likelyGreys = await canvasGreys(earlyImage);

    releaseMetadata();
    await expect(earlyImage).toHaveAttribute('data-image-id', frameOf(first.sop), { timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/renumbered-first.png` });
    const firstGreys = await canvasGreys(earlyImage);
    expect(firstGreys.greys.filter((grey) => grey > 40).length, 'the page drew the slice').toBeGreaterThan(
      firstGreys.greys.length / 20,
    );
    // Another slice, not the same picture relabelled.
    const correlation = pearson(likelyGreys.greys, firstGreys.greys);
    test.info().annotations.push({ type: 'likely vs first', description: `r=${correlation.toFixed(4)}` });
    expect(correlation, 'the page drew another slice').toBeLessThan(0.97);

    releaseApp();
    const viewport = page.getByTestId('viewport');
    await waitForViewer(viewport, series);
    await expect(earlyPage).toHaveCount(0);
    await expect(viewport).toHaveAttribute('data-image-count', '3');
    await page.screenshot({ path: `${SHOTS}/renumbered-viewer.png` });
    // Both slices the page drew were fetched, each once; the viewer took them.
    const asked = [...frames.keys()];
    for (const slice of [likely, first]) expect(asked.some((url) => frameOf(slice.sop).test(url))).toBe(true);
    expectEachFrameFetchedOnce(frames);
  } finally {
    // Whatever was stored, even when storing stopped half-way.
    await deleteStudy(study);
  }
});

const frameOf = (sop: string) => new RegExp(`/instances/${sop.replaceAll('.', '\\.')}/frames/1$`);

/** Orthanc's ids of what a DICOM UID names. */
async function orthancIdsOf(uid: string): Promise<string[]> {
  const found = (await (await orthancRest('/tools/lookup', { method: 'POST', body: uid })).json()) as {
    ID: string;
  }[];
  return found.map((entry) => entry.ID);
}

async function deleteStudy(studyInstanceUid: string): Promise<void> {
  for (const id of await orthancIdsOf(studyInstanceUid))
    await orthancRest(`/studies/${id}`, { method: 'DELETE' });
}

/**
 * Stores slices of the demo CT (by Instance Number) as `study`/`series`, each given a new SOP Instance
 * UID and Instance Number, as a modality would send them.
 */
async function storeRenumberedSlices(
  study: string,
  series: string,
  slices: readonly { from: number; number: number; sop: string }[],
): Promise<void> {
  const [demoSeries] = await orthancIdsOf(DEMO_CT.seriesInstanceUID);
  const instances = (await (await orthancRest(`/series/${demoSeries}/instances`)).json()) as {
    ID: string;
    MainDicomTags: { InstanceNumber?: string };
  }[];
  for (const slice of slices) {
    const source = instances.find((instance) => Number(instance.MainDicomTags.InstanceNumber) === slice.from);
    expect(source, `demo CT slice ${slice.from}`).toBeDefined();
    const modified = await orthancRest(`/instances/${source!.ID}/modify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        Replace: {
          StudyInstanceUID: study,
          SeriesInstanceUID: series,
          SOPInstanceUID: slice.sop,
          InstanceNumber: String(slice.number),
          StudyDescription: 'CT SLICES RENUMBERED',
        },
        Force: true,
      }),
    });
    expect(modified.status).toBe(200);
    const stored = await orthancRest('/instances', { method: 'POST', body: await modified.arrayBuffer() });
    expect(stored.status).toBe(200);
  }
}

/** The SOP Instance UID of the first frame the page asked for. */
function firstInstanceOf(asked: readonly string[]): string {
  const frame = asked.find((url) => /\/instances\/[^/]+\/frames\/1$/.test(url));
  return frame?.split('/instances/')[1]?.split('/')[0] ?? '';
}
