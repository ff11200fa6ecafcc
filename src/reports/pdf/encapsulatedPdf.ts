import {
  formatDate,
  formatPersonName,
  getString,
  parsePersonName,
  getPersonName,
  type InstanceMetadata,
} from '../../dicom';
import { safeFileName } from '../download';

/** Encapsulated Document (0042,0011) OB — tag checked against dcmjs's dictionary in encapsulatedPdf.test.ts. */
export const ENCAPSULATED_DOCUMENT_TAG = '00420011';

/** Where the PDF's bytes are: at a bulk data URI, or inline in the metadata (base64). */
export type PdfSource = { kind: 'bulk'; uri: string } | { kind: 'inline'; base64: string };

export interface EncapsulatedPdf {
  sopInstanceUid: string;
  title: string;
  source: PdfSource;
  /** "Müller_Jürgen_15.09.2025_Visual_field_report.pdf": patient, date, title. */
  fileName: string;
}

export class PdfDocumentError extends Error {
  override name = 'PdfDocumentError';

  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** The encapsulated PDF of one instance's metadata; throws PdfDocumentError when it holds none. */
export function encapsulatedPdfOf(instance: InstanceMetadata): EncapsulatedPdf {
  const { dataset } = instance;
  const mime = getString(dataset, 'MIMETypeOfEncapsulatedDocument');
  if (mime && mime.toLowerCase() !== 'application/pdf') {
    throw new PdfDocumentError(
      'This document is not a PDF and cannot be shown here.',
      `MIME Type of Encapsulated Document (0042,0012) is ${mime}`,
    );
  }
  const document = dataset[ENCAPSULATED_DOCUMENT_TAG];
  let source: PdfSource | undefined;
  if (document?.BulkDataURI) source = { kind: 'bulk', uri: document.BulkDataURI };
  else if (document?.InlineBinary) source = { kind: 'inline', base64: document.InlineBinary };
  if (!source) {
    throw new PdfDocumentError(
      'The PACS sent this report without its PDF.',
      `Encapsulated Document (0042,0011) of ${instance.sopInstanceUid} has neither BulkDataURI nor InlineBinary`,
    );
  }
  const title = getString(dataset, 'DocumentTitle') ?? getString(dataset, 'SeriesDescription') ?? 'Report';
  const date =
    getString(dataset, 'ContentDate') ??
    getString(dataset, 'AcquisitionDateTime')?.slice(0, 8) ??
    getString(dataset, 'StudyDate');
  const patient = formatPersonName(parsePersonName(getPersonName(dataset, 'PatientName')));
  return {
    sopInstanceUid: instance.sopInstanceUid,
    title,
    source,
    fileName: safeFileName([patient, formatDate(date) || date, title], 'pdf'),
  };
}

/** Base64 (InlineBinary) to bytes. */
export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether the bytes start like a PDF ("%PDF-"), so that a wrong answer is caught before pdf.js sees it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
