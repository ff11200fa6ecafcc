import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import {
  DEMO_CT,
  DEMO_VISUAL_FIELDS,
  REPORT_CONCEPTS,
  demoPatient,
  demoStudy,
  type DemoVisualField,
} from '../demo';
import { part10 } from '../demo/dicom/writer';
import { encapsulatedPdfInstance } from '../demo/instances/reports';
import { demoUid } from '../demo/uids';
import { expect, orthancRest, test } from './fixtures';
import { pdfPageTexts } from './pdfText';

const SHOTS = 'test-results/screenshots';

/** A DICOM number as the printout writes it: fixed digits, a true minus sign. */
const printed = (value: number, digits: number) => {
  const text = value.toFixed(digits);
  return (Number(text) === 0 ? (0).toFixed(digits) : text).replace('-', '\u2212');
};

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, height: box.height };
}

/**
 * Reads the threshold map as drawn: the axes give fixation and the scale (their length spans the
 * plot's degrees), each number's position on screen gives its location in degrees.
 */
async function readThresholdMap(sheet: Locator) {
  const map = sheet.locator('[data-map="threshold"]');
  const horizontal = map.locator('[data-axis="horizontal"]');
  const vertical = map.locator('[data-axis="vertical"]');
  const h = await centre(horizontal);
  const v = await centre(vertical);
  const pixelsPerDegree = h.width / (2 * Number(await horizontal.getAttribute('data-half-degrees')));
  const origin = { x: v.x, y: h.y };
  const values = map.locator('text.single-field__value');
  const read: Array<{ x: number; y: number; text: string }> = [];
  for (let i = 0; i < (await values.count()); i++) {
    const value = values.nth(i);
    const at = await centre(value);
    read.push({
      x: (at.x - origin.x) / pixelsPerDegree,
      y: (origin.y - at.y) / pixelsPerDegree,
      text: (await value.textContent()) ?? '',
    });
  }
  const blindSpot = map.locator('[data-blind-spot="threshold"]');
  const spot = (await blindSpot.count()) > 0 ? await centre(blindSpot) : undefined;
  return {
    read,
    pixelsPerDegree,
    blindSpot: spot && { x: (spot.x - origin.x) / pixelsPerDegree, y: (origin.y - spot.y) / pixelsPerDegree },
  };
}

/** Checks every catalogued location's threshold at its place in the map, within a fifth of the grid. */
async function expectThresholds(sheet: Locator, field: DemoVisualField) {
  const { read, blindSpot } = await readThresholdMap(sheet);
  expect(read).toHaveLength(field.points.length);
  for (const point of field.points) {
    const near = read.filter((r) => Math.hypot(r.x - point.x, r.y - point.y) < 0.6);
    expect(near, `a value at (${point.x}°, ${point.y}°)`).toHaveLength(1);
    expect(near[0]!.text).toBe(point.seen ? String(point.sensitivityDb) : '<0');
  }
  return blindSpot;
}

/** Shares of paper-white and of print (clearly darker than paper) among an image's pixels. */
interface Ink {
  width: number;
  height: number;
  white: number;
  ink: number;
}

/** Reads an image element's pixels back through a canvas. */
function inkOfImage(image: HTMLImageElement): Ink {
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let white = 0;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const grey = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    if (grey > 240) white++;
    else if (grey < 160) ink++;
  }
  const pixels = data.length / 4;
  return { width: canvas.width, height: canvas.height, white: white / pixels, ink: ink / pixels };
}

/** A PNG file decoded by the browser, as an image element in `page`. */
function decodedPng(page: Page, png: Buffer) {
  return page.evaluateHandle(async (data) => {
    const element = new Image();
    element.src = `data:image/png;base64,${data}`;
    await element.decode();
    return element;
  }, png.toString('base64'));
}

/** The pixels of a PNG file, decoded by the browser. */
async function inkOfPng(page: Page, png: Buffer): Promise<Ink> {
  return (await decodedPng(page, png)).evaluate(inkOfImage);
}

async function openViewer(page: Page, studyInstanceUID: string, seriesInstanceUID?: string) {
  // Tall enough for a whole printout on screen, so that its screenshot is the whole sheet.
  await page.setViewportSize({ width: 1440, height: 1700 });
  const series = seriesInstanceUID ? `&SeriesInstanceUID=${seriesInstanceUID}` : '';
  await page.goto(`/viewer?StudyInstanceUIDs=${studyInstanceUID}${series}`);
}

test('the visual-field study shows both eyes as single-field analyses with the dataset’s values', async ({
  page,
}) => {
  const [od, os] = DEMO_VISUAL_FIELDS as [DemoVisualField, DemoVisualField];
  await openViewer(page, od.studyInstanceUID, od.seriesInstanceUID);
  await expect(page.getByTestId('patient-banner')).toContainText(demoPatient('mueller').id);

  const report = page.getByTestId('visual-field-report');
  const sheets = report.getByTestId('single-field-analysis');
  await expect(sheets).toHaveCount(2);
  const right = report.locator('[data-testid="single-field-analysis"][data-eye="R"]');
  const left = report.locator('[data-testid="single-field-analysis"][data-eye="L"]');

  // Side by side as the fields are plotted (the patient's view): the left eye on the left.
  expect((await centre(left)).x).toBeLessThan((await centre(right)).x);

  for (const [sheet, field] of [
    [right, od],
    [left, os],
  ] as const) {
    await expect(sheet.locator('[data-field="eye"]')).toHaveText(
      field.eye === 'R' ? 'Right eye (OD)' : 'Left eye (OS)',
    );
    await expect(sheet.locator('[data-field="pattern"]')).toHaveText(
      `Central ${field.pattern} Threshold Test`,
    );
    await expect(sheet.locator('[data-field="strategy"]')).toHaveText(field.strategy);
    await expect(sheet.locator('[data-field="patient"]')).toHaveText('MÜLLER, Jürgen');
    const blindSpot = await expectThresholds(sheet, field);
    // The blind spot is temporal: right of fixation for the right eye, left for the left eye.
    expect(blindSpot).toBeDefined();
    if (field.eye === 'R') expect(blindSpot!.x).toBeGreaterThan(10);
    else expect(blindSpot!.x).toBeLessThan(-10);
    expect(Math.abs(blindSpot!.x - field.blindSpot.x)).toBeLessThan(1);
    expect(Math.abs(blindSpot!.y - field.blindSpot.y)).toBeLessThan(1.5);

    await expect(sheet.locator('[data-value="md"]')).toContainText(`${printed(field.meanDeviationDb, 2)} dB`);
    await expect(sheet.locator('[data-value="psd"]')).toContainText(
      `${printed(field.patternStandardDeviationDb, 2)} dB`,
    );
    await expect(sheet.locator('[data-value="vfi"]')).toHaveText(`${field.visualFieldIndexPercent} %`);
    await expect(sheet.locator('[data-value="ght"]')).toHaveText(field.glaucomaHemifieldTest!);
    await expect(sheet.locator('[data-field="fixation-losses"]')).toHaveText(
      `${field.reliability.fixationLosses}/${field.reliability.fixationChecks}`,
    );
  }
  // The arcuate defect of the left eye is significant; the normal right eye's PSD is not.
  await expect(left.locator('[data-value="psd"]')).toContainText('P < 0.5%');
  await expect(right.locator('[data-value="psd"]')).not.toContainText('P <');
  await expect(
    left.locator('[data-map="pattern-deviation-probability"] [data-probability="<0.5"]'),
  ).not.toHaveCount(0);

  // The patient's other visual fields are listed for comparison (today's follow-up is one).
  const history = page.getByTestId('visual-field-history');
  await expect(history.locator('li')).not.toHaveCount(0);
  await expect(history).toContainText('(on screen)');

  await report.screenshot({ path: `${SHOTS}/visual-field-ou.png` });
  await right.screenshot({ path: `${SHOTS}/visual-field-od.png` });
});

test('the 10-2 with an advanced defect and the unreliable test show what the datasets hold', async ({
  page,
}) => {
  const tenTwo = DEMO_VISUAL_FIELDS.find((f) => f.key === 'papadopoulou-2025-od-10-2')!;
  await openViewer(page, tenTwo.studyInstanceUID, tenTwo.seriesInstanceUID);
  const sheet = page.locator('[data-testid="single-field-analysis"][data-eye="R"]');
  await expect(sheet).toBeVisible();
  await expectThresholds(sheet, tenTwo);
  // No Glaucoma Hemifield Test for a 10-2: shown as absent, not invented.
  await expect(sheet.locator('[data-value="ght"]')).toHaveText('not recorded');
  await expect(sheet.locator('[data-value="md"]')).toContainText(
    `${printed(tenTwo.meanDeviationDb, 2)} dB P < 0.5%`,
  );
  await sheet.screenshot({ path: `${SHOTS}/visual-field-10-2.png` });

  const unreliable = DEMO_VISUAL_FIELDS.find((f) => f.key === 'garcia-2025-od-unreliable')!;
  await openViewer(page, unreliable.studyInstanceUID, unreliable.seriesInstanceUID);
  const only = page.getByTestId('single-field-analysis');
  await expect(only).toHaveCount(1);
  await expect(only.locator('[data-field="low-reliability"]')).toHaveText('Low test reliability');
  await expect(only.locator('[data-field="false-positives"]')).toHaveText(
    `${unreliable.falsePositivePercent} % (${unreliable.reliability.falsePositives}/${unreliable.reliability.positiveCatchTrials}) xx`,
  );
  await expect(only.locator('[data-field="fixation-losses"]')).toHaveText(
    `${unreliable.reliability.fixationLosses}/${unreliable.reliability.fixationChecks} xx`,
  );
  await only.screenshot({ path: `${SHOTS}/visual-field-unreliable.png` });
});

test('the visual-field PDF report shows page 1 with its text, pages and a download', async ({ page }) => {
  // pdf.js must work within the gateway's Content-Security-Policy as it is.
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const study = demoStudy('opv');
  const reportSeries = study.series.find((s) => s.modality === 'DOC')!;
  await openViewer(page, study.studyInstanceUID, reportSeries.seriesInstanceUID);
  const report = page.getByTestId('pdf-report');
  await expect(report).toHaveAttribute('data-status', 'ready');
  await expect(report).toHaveAttribute('data-pages', '2');
  await expect(report.locator('.report-toolbar__pages')).toHaveText('Page 1 of 2');

  // The text layer holds the page's words, where pdf.js placed them over the drawing.
  const text = report.locator('.textLayer');
  await expect(text).toContainText('Single field analysis');
  await expect(text).toContainText('Right eye (OD)');
  await expect(text).toContainText('Müller, Jürgen');

  // The canvas holds a drawn page: white paper with a fair share of dark print on it.
  const canvas = report.locator('canvas.pdf-page__canvas');
  const ink = await canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d')!;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let dark = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      const grey = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      if (grey < 100) dark++;
      else if (grey > 240) white++;
    }
    const pixels = data.length / 4;
    return { dark: dark / pixels, white: white / pixels };
  });
  expect(ink.white).toBeGreaterThan(0.5);
  expect(ink.dark).toBeGreaterThan(0.005);
  await report.screenshot({ path: `${SHOTS}/pdf-report-page-1.png` });

  await report.getByRole('button', { name: 'Next page' }).click();
  await expect(report.locator('.report-toolbar__pages')).toHaveText('Page 2 of 2');
  await expect(text).toContainText('Left eye (OS)');
  await expect(report).toHaveAttribute('data-status', 'ready');

  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Download PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('MÜLLER_Jürgen_2025-09-15_Visual_field_report.pdf');
  expect(blocked).toEqual([]);
});

test('a colour fundus photograph keeps its colour in the image viewer', async ({ page }) => {
  const study = demoStudy('op-lindqvist');
  await openViewer(page, study.studyInstanceUID, study.series[0]!.seriesInstanceUID);
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(300);
  const png = await viewport.screenshot({ path: `${SHOTS}/fundus-colour.png` });
  const colourful = await (
    await decodedPng(page, png)
  ).evaluate((image) => {
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i]! - pixels[i + 2]! > 40) coloured++;
    }
    return coloured / (pixels.length / 4);
  });
  // A fundus is orange-red: a good part of the viewport is far redder than it is blue.
  expect(colourful).toBeGreaterThan(0.1);
});

test('a PDF report’s tile shows its first page, and opening it reads the document from the PACS once', async ({
  page,
}) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const study = demoStudy('opv');
  const reportSeries = study.series.find((s) => s.modality === 'DOC')!;
  const documentRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes(`/series/${reportSeries.seriesInstanceUID}/`)) documentRequests.push(url);
  });
  // The visual field is shown first: no images to wait for, so the preview is drawn at once.
  await openViewer(page, study.studyInstanceUID, study.series[0]!.seriesInstanceUID);
  await expect(page.getByTestId('visual-field-report')).toBeVisible();

  const tile = page.locator(
    `[data-testid="series-item"][data-series-uid="${reportSeries.seriesInstanceUID}"]`,
  );
  const thumbnail = tile.getByTestId('document-thumbnail');
  await expect(thumbnail).toBeVisible();
  const ink = await thumbnail.evaluate(inkOfImage);
  const tileBox = await tile.locator('.series-item__thumbnail').evaluate((element) => ({
    width: element.clientWidth,
    height: element.clientHeight,
  }));
  // An A4 page upright, as tall as the tile, drawn at the tile's pixels (the tests run at density 1).
  expect(ink.height).toBe(tileBox.height);
  expect(ink.width).toBeLessThan(ink.height);
  expect(ink.width).toBeGreaterThan(ink.height * 0.6);
  // White paper with print on it.
  expect(ink.white).toBeGreaterThan(0.5);
  expect(ink.ink).toBeGreaterThan(0.02);
  await page.locator('.series-browser').screenshot({ path: `${SHOTS}/series-browser-pdf-thumbnail.png` });

  await tile.click();
  const report = page.getByTestId('pdf-report');
  await expect(report).toHaveAttribute('data-status', 'ready');
  await expect(report.locator('.textLayer')).toContainText('Single field analysis');
  // The metadata and the document once each: the report took the bytes the preview had read.
  expect(documentRequests.filter((url) => url.includes('/bulk'))).toHaveLength(1);
  expect(documentRequests.filter((url) => url.endsWith('/metadata'))).toHaveLength(1);
  expect(blocked).toEqual([]);
});

test('a PDF report’s preview waits until the first image of the study is drawn', async ({ page }) => {
  await page.addInitScript(() => performance.setResourceTimingBufferSize(5000));
  const study = demoStudy(DEMO_CT.studyKey);
  const reportSeries = study.series.find((s) => s.modality === 'DOC')!;
  await openViewer(page, study.studyInstanceUID);
  const tile = page.locator(
    `[data-testid="series-item"][data-series-uid="${reportSeries.seriesInstanceUID}"]`,
  );
  // Its requests wait behind the CT's 200 frames, which the browser fetches first.
  await expect(tile.getByTestId('document-thumbnail')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  const order = await page.evaluate((seriesUid) => {
    const firstImage = performance.getEntriesByName('fovea:first-image-rendered')[0]?.startTime;
    const documentRequests = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes(`/series/${seriesUid}/`))
      .map((entry) => entry.startTime);
    return { firstImage, documentRequests };
  }, reportSeries.seriesInstanceUID);
  expect(order.firstImage).toBeDefined();
  expect(order.documentRequests.length).toBeGreaterThan(0);
  for (const requested of order.documentRequests) expect(requested).toBeGreaterThan(order.firstImage!);
});

test('Save PNG saves the printout of one eye as an image', async ({ page }) => {
  const [od] = DEMO_VISUAL_FIELDS as [DemoVisualField];
  await openViewer(page, od.studyInstanceUID, od.seriesInstanceUID);
  const sheet = page.locator('.vf-report__sheet[data-eye="R"]');
  await expect(sheet.getByTestId('single-field-analysis')).toBeVisible();
  const download = page.waitForEvent('download');
  await sheet.getByRole('button', { name: 'Save PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^MÜLLER_Jürgen_.*OD\.png$/);
  const png = await readFile(await file.path());
  // The PNG signature, then the IHDR chunk with the width and height.
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // A page of a printout at twice its drawn size: upright, sharp enough to print.
  expect(width).toBeGreaterThan(1000);
  expect(height).toBeGreaterThan(width);
  const ink = await inkOfPng(page, png);
  expect(ink.width).toBe(width);
  expect(ink.white).toBeGreaterThan(0.4);
  expect(ink.ink).toBeGreaterThan(0.02);
  await writeFile(`${SHOTS}/visual-field-saved.png`, png);
});

test('printing a visual field prints the single-field analyses alone, one eye per page', async ({ page }) => {
  const [od, os] = DEMO_VISUAL_FIELDS as [DemoVisualField, DemoVisualField];
  await openViewer(page, od.studyInstanceUID, od.seriesInstanceUID);
  await expect(page.getByTestId('single-field-analysis')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  const paper = await inkOfPng(
    page,
    await page.screenshot({ path: `${SHOTS}/visual-field-print.png`, fullPage: true }),
  );
  // White paper around the printouts, not the app's dark background.
  expect(paper.white).toBeGreaterThan(0.7);
  const pages = await pdfPageTexts(
    await page.pdf({ path: `${SHOTS}/visual-field-print.pdf`, format: 'A4', printBackground: true }),
  );
  expect(pages).toHaveLength(2);
  const patient = demoPatient('mueller');
  for (const field of [od, os]) {
    const eye = field.eye === 'R' ? 'Right eye (OD)' : 'Left eye (OS)';
    // Pages in the order of the screen: the left eye first, as the patient sees them.
    const onPage = pages.filter((text) => text.includes(eye));
    expect(onPage, eye).toHaveLength(1);
    const text = onPage[0]!;
    expect(text).toContain('MÜLLER, Jürgen');
    expect(text).toContain(patient.id);
    expect(text).toContain(`${printed(field.meanDeviationDb, 2)} dB`);
    expect(text).toContain(`${printed(field.patternStandardDeviationDb, 2)} dB`);
    // The application around the report stays off paper.
    expect(text).not.toContain('Save PNG');
    expect(text).not.toContain('Print / PDF');
    expect(text).not.toContain('Other studies of this patient');
  }
});

test('a PDF report that cannot be read keeps its Document tile, which says why', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  });
  // What a scanner with a fault might store: a PDF cut off in its first object (an even length, as DICOM wants).
  const key = 'e2e/damaged-pdf';
  const studyInstanceUID = demoUid(`${key}/study`);
  const seriesInstanceUID = demoUid(`${key}/series`);
  const dataset = encapsulatedPdfInstance(
    {
      key,
      patient: demoPatient('mueller'),
      studyInstanceUID,
      date: '20250916',
      time: '090000',
      description: 'SCANNED REPORT',
      accessionNumber: 'ACC-E2E-PDF',
      referringPhysician: '',
    },
    { number: 1, seriesInstanceUID, modality: 'DOC', description: 'Scanned report' },
    {
      pdf: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n'),
      title: 'Scanned report',
      concept: REPORT_CONCEPTS['visual-field'],
      sources: [],
    },
    demoUid(`${key}/instance`),
  );
  const stored = await orthancRest('/instances', { method: 'POST', body: new Uint8Array(part10(dataset)) });
  expect(stored.status).toBe(200);
  const { ParentStudy } = (await stored.json()) as { ParentStudy: string };
  try {
    await openViewer(page, studyInstanceUID);
    const report = page.getByTestId('pdf-report');
    await expect(report).toHaveAttribute('data-status', 'error');
    const tile = page.locator(`[data-testid="series-item"][data-series-uid="${seriesInstanceUID}"]`);
    const words = tile.getByTestId('thumbnail-text');
    await expect(words).toHaveAttribute('title', 'No preview. This PDF could not be read.');
    await expect(words).toHaveText('Document');
    await expect(tile.getByRole('img')).toHaveAccessibleName(
      'Document. No preview. This PDF could not be read.',
    );
    await expect(tile.getByTestId('document-thumbnail')).toHaveCount(0);
    await page.locator('.viewer__body').screenshot({ path: `${SHOTS}/pdf-damaged.png` });
    // The screen says it; the console stays quiet (no CSP report, no pdf.js warnings).
    expect(messages).toEqual([]);
  } finally {
    await orthancRest(`/studies/${ParentStudy}`, { method: 'DELETE' });
  }
});
