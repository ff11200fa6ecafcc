import { lazy } from 'react';
import type { SeriesSummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import type { PixelBox } from './pdf/pdfThumbnail';

export { reportKindOf, type ReportKind } from './reportKind';
export type { ReportViewportProps } from './ReportViewport';
export { PdfDocumentError } from './pdf/encapsulatedPdf';
export type { PixelBox };

/** The report renderers (and pdf.js) load when a report is opened, not with the viewer. */
export const LazyReportViewport = lazy(() => import('./ReportViewport'));

/**
 * Page 1 of a series' encapsulated PDF as a PNG that fits `box`, for the series browser. pdf.js loads
 * with the first preview; the document's bytes are kept for the report when it is opened.
 */
export async function drawPdfThumbnail(
  client: DicomWebClient,
  series: Pick<SeriesSummary, 'studyInstanceUid' | 'seriesInstanceUid'>,
  box: PixelBox,
  signal: AbortSignal,
): Promise<Blob> {
  const thumbnails = await import('./pdf/pdfThumbnail');
  return thumbnails.drawPdfThumbnail(client, series, box, signal);
}
