import type { SeriesSummary } from '../../dicom';
import type { DicomWebClient } from '../../dicomweb';
import { PdfDocumentError } from './encapsulatedPdf';
import { loadEncapsulatedPdf } from './loadEncapsulatedPdf';
import { openPdf } from './pdfjs';
import { fitPageScale } from './zoom';

export interface PixelBox {
  /** Device pixels */
  width: number;
  height: number;
}

function abortError(): DOMException {
  return new DOMException('The request was cancelled', 'AbortError');
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new PdfDocumentError('The preview could not be drawn.', 'canvas.toBlob gave no PNG')),
      'image/png',
    ),
  );
}

/**
 * Page 1 of a series' encapsulated PDF, drawn as large as fits in `box`, as a PNG for the series
 * browser. Rejects with a PacsError when the PACS fails, with a PdfDocumentError (its message fit for
 * the screen) when the document cannot be read, and with an AbortError when `signal` cancels it.
 */
export async function drawPdfThumbnail(
  client: DicomWebClient,
  series: Pick<SeriesSummary, 'studyInstanceUid' | 'seriesInstanceUid'>,
  box: PixelBox,
  signal: AbortSignal,
): Promise<Blob> {
  const loaded = await loadEncapsulatedPdf(client, series, signal);
  if (loaded instanceof PdfDocumentError) throw loaded;
  if (signal.aborted) throw abortError();
  const opened = openPdf(loaded.bytes);
  let cancelRender: (() => void) | undefined;
  const cancel = () => {
    cancelRender?.();
    opened.destroy();
  };
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const pdf = await opened.promise;
    const page = await pdf.getPage(1);
    const scale = fitPageScale(page.getViewport({ scale: 1 }), box);
    if (scale <= 0) {
      throw new PdfDocumentError(
        'The first page of this PDF has no size.',
        `page 1 at ${box.width}×${box.height}`,
      );
    }
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(viewport.width));
    canvas.height = Math.max(1, Math.floor(viewport.height));
    const task = page.render({ canvas, viewport });
    cancelRender = () => task.cancel();
    await task.promise;
    return await canvasToPng(canvas);
  } catch (error) {
    if (signal.aborted) throw abortError();
    if (error instanceof PdfDocumentError) throw error;
    throw new PdfDocumentError(
      'This PDF could not be read.',
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  } finally {
    signal.removeEventListener('abort', cancel);
    opened.destroy();
  }
}
