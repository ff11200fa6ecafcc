import { describe, expect, it } from 'vitest';
import type { SeriesSummary } from '../dicom';
import { PacsError } from '../dicomweb';
import { PdfDocumentError } from '../reports';
import { firstImagesSettled, seriesStreamedIn, thumbnailFailure, thumbnailKindOf } from './seriesThumbnail';

const series = (sopClassUid: string | undefined, modality: string): SeriesSummary =>
  ({ studyInstanceUid: '1', seriesInstanceUid: '1.1', sopClassUid, modality }) as SeriesSummary;

describe('thumbnailKindOf', () => {
  it('draws page 1 for encapsulated PDFs, asks the archive for images, names the rest', () => {
    expect(thumbnailKindOf(series('1.2.840.10008.5.1.4.1.1.104.1', 'DOC'))).toBe('pdf');
    expect(thumbnailKindOf(series('1.2.840.10008.5.1.4.1.1.2', 'CT'))).toBe('images');
    // A visual field is a report without pages: its tile names it.
    expect(thumbnailKindOf(series('1.2.840.10008.5.1.4.1.1.80.1', 'OPV'))).toBe('none');
    // Encapsulated CDA is no PDF.
    expect(thumbnailKindOf(series('1.2.840.10008.5.1.4.1.1.104.2', 'DOC'))).toBe('none');
  });
});

describe('firstImagesSettled', () => {
  const expected = [{ viewportId: 'viewport-1', seriesInstanceUid: 'ct' }];

  it('waits until the image viewport has drawn (or failed) the series it is asked for', () => {
    expect(firstImagesSettled({}, expected)).toBe(false);
    expect(
      firstImagesSettled({ 'viewport-1': { seriesInstanceUid: 'ct', status: 'loading' } }, expected),
    ).toBe(false);
    // Still the previous series on screen.
    expect(firstImagesSettled({ 'viewport-1': { seriesInstanceUid: 'mr', status: 'ready' } }, expected)).toBe(
      false,
    );
    expect(firstImagesSettled({ 'viewport-1': { seriesInstanceUid: 'ct', status: 'ready' } }, expected)).toBe(
      true,
    );
    expect(firstImagesSettled({ 'viewport-1': { seriesInstanceUid: 'ct', status: 'error' } }, expected)).toBe(
      true,
    );
  });

  it('waits for nothing when no viewport shows images', () => {
    expect(firstImagesSettled({}, [])).toBe(true);
  });
});

describe('thumbnailFailure', () => {
  it('says why in words, without codes', () => {
    expect(thumbnailFailure(new PacsError('unreachable', 'GET /x: HTTP 503'))).toBe(
      'No preview. PACS unreachable.',
    );
    expect(
      thumbnailFailure(new PdfDocumentError('The stored document is not a readable PDF.', '12 bytes')),
    ).toBe('No preview. The stored document is not a readable PDF.');
    expect(thumbnailFailure(new TypeError('x is undefined'))).toBe('No preview. It could not be drawn.');
  });
});

describe('seriesStreamedIn', () => {
  const expected = [{ viewportId: 'viewport-1', seriesInstanceUid: 'ct' }];
  const ready = { 'viewport-1': { seriesInstanceUid: 'ct', status: 'ready' as const } };

  it('waits until every image of the shown series is in', () => {
    expect(seriesStreamedIn(ready, {}, expected)).toBe(false);
    expect(seriesStreamedIn(ready, { ct: { loaded: 199, total: 200 } }, expected)).toBe(false);
    expect(seriesStreamedIn(ready, { ct: { loaded: 200, total: 200 } }, expected)).toBe(true);
  });

  it('waits while the viewport shows another series or its first image', () => {
    const progress = { ct: { loaded: 200, total: 200 } };
    expect(seriesStreamedIn({}, progress, expected)).toBe(false);
    expect(
      seriesStreamedIn({ 'viewport-1': { seriesInstanceUid: 'ct', status: 'loading' } }, progress, expected),
    ).toBe(false);
    expect(
      seriesStreamedIn({ 'viewport-1': { seriesInstanceUid: 'mr', status: 'ready' } }, progress, expected),
    ).toBe(false);
  });

  it('lets a failed viewport, or none showing images, hold nothing back', () => {
    expect(
      seriesStreamedIn({ 'viewport-1': { seriesInstanceUid: 'ct', status: 'error' } }, {}, expected),
    ).toBe(true);
    expect(seriesStreamedIn({}, {}, [])).toBe(true);
  });
});
