import type { SeriesSummary } from '../dicom';
import { ENCAPSULATED_PDF_SOP_CLASS_UID, OPV_SOP_CLASS_UID } from './sopClasses';

/** Which report renderer shows a series, from what the series search says; undefined for the others. */
export type ReportKind = 'visual-field' | 'pdf';

export function reportKindOf(
  series: Pick<SeriesSummary, 'sopClassUid' | 'modality'> | undefined,
): ReportKind | undefined {
  if (!series) return undefined;
  if (series.sopClassUid === OPV_SOP_CLASS_UID) return 'visual-field';
  if (series.sopClassUid === ENCAPSULATED_PDF_SOP_CLASS_UID) return 'pdf';
  // Archives that leave the SOP class out of series searches: the modality decides. DOC series hold
  // PDF or CDA documents; the PDF renderer says clearly when one is not a PDF.
  if (!series.sopClassUid && series.modality === 'OPV') return 'visual-field';
  if (!series.sopClassUid && series.modality === 'DOC') return 'pdf';
  return undefined;
}
