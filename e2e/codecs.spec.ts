import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  DEMO_CODEC_STUDY,
  DEMO_CR,
  DEMO_CT,
  DEMO_MR,
  DEMO_TRANSFER_SYNTAXES,
  DEMO_US,
  type CodecSourceImage,
  type DemoTransferSyntax,
} from '../demo';
import { chooseRenderer, expect, expectRenderer, test, type RendererSetting } from './fixtures';
import { DEMO_FILES, referenceRendering, windowAfterInterpolation } from './reference';
import { differences, imageDifferences, pearson, type GreyImage } from './rendering';
import { agreement, captureViewport, waitForImage, type ViewportCapture } from './viewportCapture';

// Every image of the codec reference study, in every transfer syntax, as the viewer draws it:
// 1. the same pixels as the uncompressed original (Explicit VR Little Endian, series 1) drawn by the
//    viewer, exactly for lossless syntaxes and within the codec's own error for lossy ones;
// 2. the same picture as dcmtk's dcm2pnm draws at the window the viewer shows (correlation ≥ 0.99).
//
// Codec tolerance. A lossy codec's error is not a constant of the syntax but of the encoder's setting
// and of the image (JPEG quality 90, JPEG-LS NEAR=2, JPEG 2000 quality 85: see demo/codecs.ts). It is
// measured here with the reference toolkit: the lossy file decoded by dcmtk/GDCM and the original,
// both rendered by dcm2pnm at the windows the viewer uses, give the codec's mean and largest grey-level
// difference on screen. The viewer may differ from its own rendering of the original by no more than
// that, plus rounding: each of the two canvases and each reference is quantised to whole grey levels
// (±0.5 each), so 1 grey level is added to the mean bound and 2 to the largest difference. A point
// between pixels is a weighted mean of pixel differences, so interpolation adds nothing. Lossless
// syntaxes have a codec error of 0 and must draw the identical canvas.

const MIN_CORRELATION = 0.99;

/**
 * Images the viewer is known to draw wrongly, with the reason; their figures are still recorded, and
 * the test fails once they are drawn right, so that the entry is removed.
 */
const KNOWN_DEFECTS: Record<string, string> = {};

const SIZES: Record<CodecSourceImage, { columns: number; rows: number }> = {
  ct16s: DEMO_CT,
  mr16u: DEMO_MR,
  cr12: DEMO_CR,
  rgb8: { columns: 1024, rows: 1024 },
  grey8: DEMO_US,
};

function codecFile(syntax: DemoTransferSyntax, image: CodecSourceImage): string {
  return join(
    DEMO_FILES,
    DEMO_CODEC_STUDY.key,
    `s${String(syntax.seriesNumber).padStart(3, '0')}-${image}.dcm`,
  );
}

interface Figures {
  series: string;
  image: CodecSourceImage;
  window: string;
  /** Viewer against dcm2pnm. */
  correlation: number;
  meanDifference: number;
  maxDifference: number;
  /** Viewer against the viewer's rendering of the original. */
  originalCorrelation: number;
  originalMean: number;
  originalMax: number;
  /** The codec's own error on screen (dcm2pnm of the decoded file against dcm2pnm of the original). */
  codecMean: number;
  codecMax: number;
}

const original = DEMO_TRANSFER_SYNTAXES[0]!;
const originals = new Map<CodecSourceImage, { capture: ViewportCapture; reference: GreyImage }>();
const figures: Figures[] = [];
let page: Page;
/** How the viewer is asked to draw (the Playwright project's `renderer`); names the output files. */
let drawnBy: RendererSetting = 'auto';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, renderer }) => {
  drawnBy = renderer ?? 'auto';
  page = await browser.newPage({ baseURL: process.env.FOVEA_E2E_URL });
  await chooseRenderer(page, renderer);
  await page.goto(
    `/viewer?StudyInstanceUIDs=${DEMO_CODEC_STUDY.studyInstanceUID}&SeriesInstanceUID=${original.seriesInstanceUID}`,
  );
});

test.afterAll(async () => {
  await page?.close();
  mkdirSync('test-results/rendering', { recursive: true });
  writeFileSync(`test-results/rendering/codecs-${drawnBy}.json`, JSON.stringify(figures, null, 2));
});

test('the codec study lists one series per transfer syntax', async () => {
  await expectRenderer(page, drawnBy);
  const items = page.getByTestId('series-item');
  await expect(items).toHaveCount(DEMO_TRANSFER_SYNTAXES.length);
  for (const syntax of DEMO_TRANSFER_SYNTAXES)
    await expect(items.and(page.locator(`[data-series-uid="${syntax.seriesInstanceUID}"]`))).toContainText(
      syntax.name,
    );
});

for (const syntax of DEMO_TRANSFER_SYNTAXES) {
  test(`${syntax.name}: every image as its uncompressed original and as dcm2pnm draws it`, async () => {
    const viewport = page.getByTestId('viewport');
    await page
      .getByTestId('series-item')
      .and(page.locator(`[data-series-uid="${syntax.seriesInstanceUID}"]`))
      .click();
    await expect(viewport).toHaveAttribute('data-image-count', String(syntax.images.length));

    for (const [index, image] of syntax.images.entries()) {
      if (index > 0) await page.keyboard.press('ArrowDown');
      await waitForImage(viewport, syntax.seriesInstanceUID, index);
      const capture = await captureViewport(page, viewport, SIZES[image]);
      await page.screenshot({
        path: `test-results/rendering/codec-${drawnBy}-s${String(syntax.seriesNumber).padStart(2, '0')}-${image}.png`,
      });

      // The reference: dcm2pnm at the window the viewer shows (colour images have none).
      const reference = await referenceRendering(codecFile(syntax, image), {
        window: image === 'rgb8' ? undefined : capture.window,
      });
      // Between pixel centres the viewer interpolates values and windows them after, so must the reference.
      const sample =
        image !== 'rgb8' && capture.window
          ? await windowAfterInterpolation(codecFile(syntax, image), capture.window, reference)
          : undefined;
      const toReference = agreement(capture, reference, sample);

      let base = originals.get(image);
      if (syntax === original) {
        base = { capture, reference };
        originals.set(image, base);
      }
      if (!base) throw new Error(`The original of ${image} was not captured: the first series must pass`);
      expect(capture.rect, `${image} lies where its original lies`).toEqual(base.capture.rect);
      const toOriginal = {
        correlation: pearson(capture.values, base.capture.values),
        ...differences(capture.values, base.capture.values),
      };
      const codec = imageDifferences(reference, base.reference);

      figures.push({
        series: syntax.name,
        image,
        window: capture.window ? `${capture.window.center}/${capture.window.width}` : '–',
        correlation: toReference.correlation,
        meanDifference: toReference.mean,
        maxDifference: toReference.max,
        originalCorrelation: toOriginal.correlation,
        originalMean: toOriginal.mean,
        originalMax: toOriginal.max,
        codecMean: codec.mean,
        codecMax: codec.max,
      });
      const label = `${syntax.name}, ${image}`;
      const defect = KNOWN_DEFECTS[`${syntax.uid} ${image}`];
      if (defect) {
        test.info().annotations.push({ type: 'known defect', description: `${label}: ${defect}` });
        expect(
          toReference.correlation,
          `${label} is drawn right now: remove it from KNOWN_DEFECTS`,
        ).toBeLessThan(MIN_CORRELATION);
        continue;
      }
      expect(toReference.correlation, `${label}: correlation with dcm2pnm`).toBeGreaterThanOrEqual(
        MIN_CORRELATION,
      );
      expect(toOriginal.correlation, `${label}: correlation with the original`).toBeGreaterThanOrEqual(
        MIN_CORRELATION,
      );
      if (syntax.lossy) {
        expect(toOriginal.mean, `${label}: mean difference from the original`).toBeLessThanOrEqual(
          codec.mean + 1,
        );
        expect(toOriginal.max, `${label}: largest difference from the original`).toBeLessThanOrEqual(
          codec.max + 2,
        );
      } else {
        expect(codec.max, `${label}: the file decodes to the original's pixels`).toBe(0);
        expect(toOriginal.max, `${label}: the canvas is the original's`).toBe(0);
      }
    }
  });
}
