import { describe, expect, it } from 'vitest';
import type { SeriesSummary } from '../dicom';
import { PacsError } from '../dicomweb';
import { PdfDocumentError } from '../reports';
import {
  firstImagesSettled,
  imageSeriesStreamed,
  thumbnailFailure,
  thumbnailKindOf,
} from './seriesThumbnail';

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

describe('imageSeriesStreamed', () => {
  const expected = [
    { viewportId: 'viewport-1', seriesInstanceUid: 'ct' },
    { viewportId: 'viewport-2', seriesInstanceUid: 'mr' },
  ];
  const ready = {
    'viewport-1': { seriesInstanceUid: 'ct', status: 'ready' as const },
    'viewport-2': { seriesInstanceUid: 'mr', status: 'ready' as const },
  };

  it('waits until every series shown in an image viewport is decoded and cached in full', () => {
    expect(imageSeriesStreamed(ready, {}, expected)).toBe(false);
    expect(
      imageSeriesStreamed(ready, { ct: { loaded: 200, total: 200 }, mr: { loaded: 3, total: 40 } }, expected),
    ).toBe(false);
    expect(
      imageSeriesStreamed(
        ready,
        { ct: { loaded: 200, total: 200 }, mr: { loaded: 40, total: 40 } },
        expected,
      ),
    ).toBe(true);
  });

  it('does not wait for a viewport that cannot show its series', () => {
    const failed = { ...ready, 'viewport-2': { seriesInstanceUid: 'mr', status: 'error' as const } };
    expect(imageSeriesStreamed(failed, { ct: { loaded: 200, total: 200 } }, expected)).toBe(true);
    // An error of the series shown before does not count.
    const before = { ...ready, 'viewport-2': { seriesInstanceUid: 'us', status: 'error' as const } };
    expect(imageSeriesStreamed(before, { ct: { loaded: 200, total: 200 } }, expected)).toBe(false);
  });

  it('waits for nothing when no viewport shows images', () => {
    expect(imageSeriesStreamed({}, {}, [])).toBe(true);
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
