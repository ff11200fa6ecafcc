import { SOP_CLASSES } from '../catalog/images';
import type { Dataset } from '../dicom/writer';
import type { Code } from '../visualField/model';
import {
  codeItem,
  patientAndStudy,
  seriesAndEquipment,
  sopCommon,
  type SeriesContext,
  type StudyContext,
} from './common';

export interface EncapsulatedPdf {
  pdf: Buffer;
  title: string;
  concept: Code;
  /** Instances the report was made from (Source Instance Sequence). */
  sources: ReadonlyArray<{ sopClassUID: string; sopInstanceUID: string }>;
}

/** An Encapsulated PDF instance (PS3.3 A.45.1): the PDF as-is in Encapsulated Document, with its true length. */
export function encapsulatedPdfInstance(
  study: StudyContext,
  series: SeriesContext,
  report: EncapsulatedPdf,
  sopInstanceUID: string,
): Dataset {
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Reporting'),
    ...sopCommon(SOP_CLASSES.encapsulatedPdf, sopInstanceUID, 1, study),
    // SC Equipment module: the document was made by a workstation.
    ConversionType: 'WSD',
    // Encapsulated Document module.
    AcquisitionDateTime: `${study.date}${study.time}`,
    BurnedInAnnotation: 'YES',
    DocumentTitle: report.title,
    ConceptNameCodeSequence: [codeItem(report.concept)],
    SourceInstanceSequence: report.sources.map((source) => ({
      ReferencedSOPClassUID: source.sopClassUID,
      ReferencedSOPInstanceUID: source.sopInstanceUID,
    })),
    MIMETypeOfEncapsulatedDocument: 'application/pdf',
    EncapsulatedDocumentLength: report.pdf.length,
    EncapsulatedDocument: new Uint8Array(report.pdf.buffer, report.pdf.byteOffset, report.pdf.length),
  };
}
