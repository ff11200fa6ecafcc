import type { SeriesSummary } from '../../dicom';
import type { DicomWebClient } from '../../dicomweb';
import {
  decodeBase64,
  encapsulatedPdfOf,
  looksLikePdf,
  PdfDocumentError,
  type EncapsulatedPdf,
} from './encapsulatedPdf';
import { SharedLoads } from './sharedLoads';

export interface LoadedPdf {
  document: EncapsulatedPdf;
  bytes: Uint8Array;
}

/** Reports are a few hundred kilobytes; the last few opened or previewed are kept. */
const KEPT_DOCUMENTS = 8;

const loadsByClient = new WeakMap<DicomWebClient, SharedLoads<LoadedPdf | PdfDocumentError>>();

/**
 * The encapsulated PDF of a series' first instance (metadata, then its bulk data), or why there is none.
 * The series browser's preview and the report viewport share one load per series, so the PACS sends
 * the document once. PACS failures reject with a PacsError and are not kept.
 */
export function loadEncapsulatedPdf(
  client: DicomWebClient,
  series: Pick<SeriesSummary, 'studyInstanceUid' | 'seriesInstanceUid'>,
  signal?: AbortSignal,
): Promise<LoadedPdf | PdfDocumentError> {
  let loads = loadsByClient.get(client);
  if (!loads) {
    loads = new SharedLoads(KEPT_DOCUMENTS);
    loadsByClient.set(client, loads);
  }
  return loads.get(
    `${series.studyInstanceUid}/${series.seriesInstanceUid}`,
    (loadSignal) => fetchEncapsulatedPdf(client, series, loadSignal),
    signal,
  );
}

async function fetchEncapsulatedPdf(
  client: DicomWebClient,
  series: Pick<SeriesSummary, 'studyInstanceUid' | 'seriesInstanceUid'>,
  signal: AbortSignal,
): Promise<LoadedPdf | PdfDocumentError> {
  const instances = await client.retrieveSeriesMetadata(series.studyInstanceUid, series.seriesInstanceUid, {
    signal,
  });
  const first = instances[0];
  if (!first)
    return new PdfDocumentError('This series holds no document.', `series ${series.seriesInstanceUid}`);
  let document: EncapsulatedPdf;
  try {
    document = encapsulatedPdfOf(first);
  } catch (error) {
    if (error instanceof PdfDocumentError) return error;
    throw error;
  }
  const bytes =
    document.source.kind === 'inline'
      ? decodeBase64(document.source.base64)
      : await client.retrieveBulkData(document.source.uri, { signal });
  if (!looksLikePdf(bytes)) {
    return new PdfDocumentError(
      'The stored document is not a readable PDF.',
      `Encapsulated Document of ${document.sopInstanceUid}: ${bytes.length} bytes without a %PDF- header`,
    );
  }
  return { document, bytes };
}
