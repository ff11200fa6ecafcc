import type { SeriesSummary, StudySummary } from '../../dicom';
import type { DicomWebClient } from '../../dicomweb';
import { usePacsQuery, type PacsQuery } from '../../ui';
import { chooseFieldsToShow, isVisualFieldSeries, readTests, type FieldsOnScreen } from './selection';

/**
 * The visual fields to show for the selected series: its test, and the other eye's from the same
 * study. One WADO-RS metadata request per OPV series of the study (a few kilobytes each).
 */
export function useVisualFields(
  client: DicomWebClient,
  selected: SeriesSummary,
  studySeries: readonly SeriesSummary[],
): PacsQuery<FieldsOnScreen> {
  const fieldSeries = studySeries.filter(isVisualFieldSeries);
  if (!fieldSeries.some((s) => s.seriesInstanceUid === selected.seriesInstanceUid))
    fieldSeries.unshift(selected);
  const key = `${selected.studyInstanceUid}/${selected.seriesInstanceUid}/${fieldSeries.map((s) => s.seriesInstanceUid).join(',')}`;
  return usePacsQuery(key, async (signal) => {
    const metadata = await Promise.all(
      fieldSeries.map((series) =>
        client.retrieveSeriesMetadata(series.studyInstanceUid, series.seriesInstanceUid, { signal }),
      ),
    );
    return chooseFieldsToShow(readTests(metadata.flat()), selected.seriesInstanceUid);
  });
}

/** The patient's other studies with visual fields (QIDO-RS by Patient ID and modality OPV), newest first. */
export function useEarlierVisualFields(
  client: DicomWebClient,
  study: StudySummary | undefined,
): PacsQuery<StudySummary[]> {
  const patientId = study?.patient.id;
  return usePacsQuery(patientId ? `opv-history/${patientId}` : null, async (signal) => {
    const studies = await client.searchStudies({ patientId, modality: 'OPV', limit: 100 }, { signal });
    return studies
      .filter((s) => s.patient.id === patientId)
      .sort((a, b) =>
        `${b.studyDate ?? ''}${b.studyTime ?? ''}`.localeCompare(`${a.studyDate ?? ''}${a.studyTime ?? ''}`),
      );
  });
}
