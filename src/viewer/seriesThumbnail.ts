import type { SeriesSummary } from '../dicom';
import { PacsError } from '../dicomweb';
import { PdfDocumentError, reportKindOf } from '../reports';
import { seriesIsImages } from './seriesContent';
import type { ViewportDisplay } from './useViewportStore';

/** What a series' tile shows: a picture from the archive, page 1 of its PDF, or its kind in words. */
export type ThumbnailKind = 'images' | 'pdf' | 'none';

export function thumbnailKindOf(series: SeriesSummary): ThumbnailKind {
  if (reportKindOf(series) === 'pdf') return 'pdf';
  if (seriesIsImages(series)) return 'images';
  return 'none';
}

/** A viewport that is to show a series' images. */
export interface ImageViewport {
  viewportId: string;
  seriesInstanceUid: string;
}

/**
 * Whether every viewport that shows images has drawn its first one, or found that it cannot: until
 * then, drawing documents' previews would compete with the images for the network and the CPU.
 */
export function firstImagesSettled(
  displays: Readonly<Record<string, Pick<ViewportDisplay, 'seriesInstanceUid' | 'status'>>>,
  expected: readonly ImageViewport[],
): boolean {
  return expected.every(({ viewportId, seriesInstanceUid }) => {
    const display = displays[viewportId];
    return display?.seriesInstanceUid === seriesInstanceUid && display.status !== 'loading';
  });
}

/**
 * Whether every viewport that shows images has its whole series in (or has failed): documents'
 * previews load pdf.js and its worker, about 0.6 MB gzip and a second of CPU, which would slow the
 * series a reader is about to scroll through.
 */
export function seriesStreamedIn(
  displays: Readonly<Record<string, Pick<ViewportDisplay, 'seriesInstanceUid' | 'status'>>>,
  progress: Readonly<Record<string, { loaded: number; total: number }>>,
  expected: readonly ImageViewport[],
): boolean {
  return expected.every(({ viewportId, seriesInstanceUid }) => {
    const display = displays[viewportId];
    if (display?.seriesInstanceUid !== seriesInstanceUid || display.status === 'loading') return false;
    if (display.status === 'error') return true;
    const series = progress[seriesInstanceUid];
    return series !== undefined && series.loaded >= series.total;
  });
}

/** Why a tile shows no preview, as a sentence for its tooltip and for screen readers. */
export function thumbnailFailure(error: unknown): string {
  if (error instanceof PacsError) return `No preview. ${error.userMessage}.`;
  if (error instanceof PdfDocumentError) return `No preview. ${error.message}`;
  return 'No preview. It could not be drawn.';
}
