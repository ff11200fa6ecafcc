import type { SeriesSummary, StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { PdfViewport } from './pdf/PdfViewport';
import { reportKindOf } from './reportKind';
import { VisualFieldViewport } from './visualField/VisualFieldViewport';
import './reports.css';

export interface ReportViewportProps {
  client: DicomWebClient;
  /** The study the series belongs to (patient and date for the report's header and file names). */
  study: StudySummary | undefined;
  series: SeriesSummary;
  /** Every series of the same study: the other eye's visual field is shown beside the selected one. */
  studySeries: readonly SeriesSummary[];
}

/** A series that is a report rather than images: the visual-field analysis or the PDF. */
export default function ReportViewport({ client, study, series, studySeries }: ReportViewportProps) {
  return reportKindOf(series) === 'visual-field' ? (
    <VisualFieldViewport client={client} study={study} series={series} studySeries={studySeries} />
  ) : (
    <PdfViewport client={client} series={series} />
  );
}
