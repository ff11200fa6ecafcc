import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_CODEC_STUDY, DEMO_STUDIES, demoIncoming } from '../demo';
import { chooseRenderer, expect, expectRenderer, orthancRest, test, type RendererSetting } from './fixtures';
import { referenceRendering, windowAfterInterpolation } from './reference';
import { agreement, captureViewport, goToImage, waitForImage, type WorstPoint } from './viewportCapture';

// Every image series of the demo archive (the codec study has its own spec, codecs.spec.ts) as the
// viewer draws it by default, against dcmtk's dcm2pnm at the window the viewer shows: the canvas,
// sampled on a grid over the displayed image, must correlate with the reference at ≥ 0.99 in
// luminance. Stacks and cines are checked at a spread of images from the first to the last. The
// files are the ones the PACS holds, read over its REST API.

const MIN_CORRELATION = 0.99;
/** Images checked per stack or cine: the first, the last and evenly spaced ones between. */
const IMAGES_PER_SERIES = 5;
/** Series that hold no image (visual field measurements, PDF reports). */
const NOT_IMAGES = new Set(['OPV', 'DOC', 'SR', 'KO', 'PR']);

interface OrthancStudy {
  ID: string;
  MainDicomTags: { StudyInstanceUID: string; StudyDate?: string };
  PatientMainDicomTags: { PatientName?: string };
}
interface OrthancSeries {
  ID: string;
  ParentStudy: string;
  MainDicomTags: { SeriesInstanceUID: string; Modality?: string; SeriesDescription?: string };
  Instances: string[];
}
interface OrthancInstance {
  ID: string;
  IndexInSeries?: number;
  MainDicomTags: { InstanceNumber?: string; NumberOfFrames?: string };
}

interface ImageSeries {
  label: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  modality: string;
  /** The viewer's images in order: an instance, and a frame of it (1-based). */
  images: Array<{ instance: string; frame: number }>;
  columns: number;
  rows: number;
  colour: boolean;
}

interface ImageFigures {
  series: string;
  image: number;
  window: string;
  correlation: number;
  meanDifference: number;
  maxDifference: number;
  worst: WorstPoint;
}

async function orthancJson<T>(path: string): Promise<T> {
  const response = await orthancRest(path);
  if (!response.ok) throw new Error(`Orthanc ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** `count` indices from 0 to `length` − 1, evenly spread, first and last included. */
function spreadIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1))))];
}

/** The image series of the demo studies as the PACS holds them, in catalog order. */
async function demoImageSeries(): Promise<ImageSeries[]> {
  const studies = await orthancJson<OrthancStudy[]>('/studies?expand');
  const allSeries = await orthancJson<OrthancSeries[]>('/series?expand');
  const today = demoIncoming(new Date());
  const wanted = [
    ...DEMO_STUDIES.filter((s) => s.key !== DEMO_CODEC_STUDY.key).map((s) => s.studyInstanceUID),
    ...today.map((s) => s.studyInstanceUID),
  ];
  const found: ImageSeries[] = [];
  for (const studyUid of [...new Set(wanted)]) {
    const study = studies.find((s) => s.MainDicomTags.StudyInstanceUID === studyUid);
    if (!study) continue;
    const series = allSeries
      .filter((s) => s.ParentStudy === study.ID && !NOT_IMAGES.has(s.MainDicomTags.Modality ?? ''))
      .sort((a, b) => a.MainDicomTags.SeriesInstanceUID.localeCompare(b.MainDicomTags.SeriesInstanceUID));
    for (const s of series) {
      const instances = await orthancJson<OrthancInstance[]>(`/series/${s.ID}/instances`);
      // The viewer orders these stacks by position, which for the demo runs with Instance Number.
      instances.sort(
        (a, b) => Number(a.MainDicomTags.InstanceNumber ?? 0) - Number(b.MainDicomTags.InstanceNumber ?? 0),
      );
      const images = instances.flatMap((i) =>
        Array.from({ length: Number(i.MainDicomTags.NumberOfFrames ?? 1) || 1 }, (_, f) => ({
          instance: i.ID,
          frame: f + 1,
        })),
      );
      const tags = await orthancJson<Record<string, string>>(
        `/instances/${instances[0]!.ID}/simplified-tags`,
      );
      found.push({
        label:
          `${(study.PatientMainDicomTags.PatientName ?? '?').split('=')[0]} ${study.MainDicomTags.StudyDate ?? ''} · ${s.MainDicomTags.Modality} ${s.MainDicomTags.SeriesDescription ?? ''}`.trim(),
        studyInstanceUID: studyUid,
        seriesInstanceUID: s.MainDicomTags.SeriesInstanceUID,
        modality: s.MainDicomTags.Modality ?? '',
        images,
        columns: Number(tags.Columns),
        rows: Number(tags.Rows),
        colour: !String(tags.PhotometricInterpretation).startsWith('MONOCHROME'),
      });
    }
  }
  return found;
}

const figures: ImageFigures[] = [];
let series: ImageSeries[] = [];
let page: Page;
let scratch: string;
/** How the viewer is asked to draw (the Playwright project's `renderer`); names the output files. */
let drawnBy: RendererSetting = 'auto';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, renderer }) => {
  drawnBy = renderer ?? 'auto';
  scratch = await mkdtemp(join(tmpdir(), 'fovea-reference-rendering-'));
  series = await demoImageSeries();
  page = await browser.newPage({ baseURL: process.env.FOVEA_E2E_URL });
  await chooseRenderer(page, renderer);
});

test.afterAll(async () => {
  await page?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true, maxRetries: 3 });
  mkdirSync('test-results/rendering', { recursive: true });
  writeFileSync(`test-results/rendering/reference-${drawnBy}.json`, JSON.stringify(figures, null, 2));
  console.log(summaryTable(figures));
});

/** One line per series: images checked, window(s), lowest correlation, worst mean and largest difference. */
function summaryTable(rows: readonly ImageFigures[]): string {
  const bySeries = new Map<string, ImageFigures[]>();
  for (const row of rows) bySeries.set(row.series, [...(bySeries.get(row.series) ?? []), row]);
  const lines = [
    ['series', 'images', 'window', 'min r', 'max mean Δ', 'max Δ'],
    ...[...bySeries].map(([name, list]) => [
      name,
      String(list.length),
      [...new Set(list.map((r) => r.window))].join(', '),
      Math.min(...list.map((r) => r.correlation)).toFixed(4),
      Math.max(...list.map((r) => r.meanDifference)).toFixed(2),
      Math.max(...list.map((r) => r.maxDifference)).toFixed(1),
    ]),
  ];
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  return [
    `Viewer (renderer: ${drawnBy}) against dcm2pnm (grey levels 0–255):`,
    ...lines.map((l) =>
      l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    ),
  ].join('\n');
}

test('every image series of the demo is in the PACS', () => {
  const uids = new Set(series.map((s) => s.seriesInstanceUID));
  for (const study of DEMO_STUDIES) {
    if (study.key === DEMO_CODEC_STUDY.key) continue;
    for (const s of study.series) {
      if (!['ct', 'mr', 'cr', 'us-cine', 'fundus', 'thickness-map'].includes(s.content.kind)) continue;
      expect(uids.has(s.seriesInstanceUID), `${study.key} series ${s.number} (${s.description})`).toBe(true);
    }
  }
  const incomingPhotographs = demoIncoming(new Date()).reduce((sum, s) => sum + s.eyes.length, 0);
  const incomingStudies = new Set(demoIncoming(new Date()).map((s) => s.studyInstanceUID));
  expect(series.filter((s) => incomingStudies.has(s.studyInstanceUID)).length, "today's photographs").toBe(
    incomingPhotographs,
  );
});

test('the viewer draws every demo image as dcm2pnm does at the same window', async () => {
  // About 50 images, each read back from the canvas and rendered by dcmtk twice: on a busy two-core
  // machine this takes minutes, not the default 90 s.
  test.setTimeout(360_000);
  // One viewer for all the studies, as a user compares them: a series is shown by clicking it.
  await page.goto(
    `/viewer?StudyInstanceUIDs=${[...new Set(series.map((s) => s.studyInstanceUID))].join(',')}`,
  );
  await expectRenderer(page, drawnBy);
  const viewport = page.getByTestId('viewport');
  const screenshots = new Set<string>();
  for (const item of series) {
    await page
      .getByTestId('series-item')
      .and(page.locator(`[data-series-uid="${item.seriesInstanceUID}"]`))
      .click();
    await waitForImage(viewport, item.seriesInstanceUID, 0);
    await expect(viewport).toHaveAttribute('data-image-count', String(item.images.length));

    let at = 0;
    for (const index of spreadIndices(item.images.length, IMAGES_PER_SERIES)) {
      await goToImage(page, viewport, item.seriesInstanceUID, {
        from: at,
        to: index,
        count: item.images.length,
      });
      at = index;
      const capture = await captureViewport(page, viewport, item);
      // One picture per modality to look at; more would only slow the test down.
      if (!screenshots.has(item.modality)) {
        screenshots.add(item.modality);
        await page.screenshot({ path: `test-results/rendering/reference-${drawnBy}-${item.modality}.png` });
      }

      const { instance, frame } = item.images[index]!;
      const file = join(scratch, `${instance}.dcm`);
      const download = await orthancRest(`/instances/${instance}/file`);
      expect(download.ok, `${item.label}: the file from the PACS`).toBe(true);
      await writeFile(file, new Uint8Array(await download.arrayBuffer()));
      const reference = await referenceRendering(file, {
        window: item.colour ? undefined : capture.window,
        frame,
      });
      // Between pixel centres the viewer interpolates values and windows them after, so must the reference.
      const sample =
        capture.window && !item.colour
          ? await windowAfterInterpolation(file, capture.window, reference, frame)
          : undefined;
      const result = agreement(capture, reference, sample);
      figures.push({
        series: item.label,
        image: index + 1,
        window: capture.window && !item.colour ? `${capture.window.center}/${capture.window.width}` : '–',
        correlation: result.correlation,
        meanDifference: result.mean,
        maxDifference: result.max,
        worst: result.worst,
      });
      expect
        .soft(result.correlation, `${item.label}, image ${index + 1}: correlation with dcm2pnm`)
        .toBeGreaterThanOrEqual(MIN_CORRELATION);
    }
  }
});
