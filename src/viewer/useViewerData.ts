import type { InstanceMetadata, StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { usePacsQuery, type PacsQuery } from '../ui';
import type { StudySeries } from './SeriesBrowser';
import {
  fetchViewerStudies,
  metadataCacheOf,
  seriesKey,
  takeStartedViewerStudies,
  type SeriesRef,
} from './viewerData';

export type { SeriesRef } from './viewerData';

/**
 * Studies and their series for the viewer: one QIDO-RS study look-up and one series search per study,
 * or the answer to those started when the page opened on the viewer (viewerData.ts).
 * `onSeries` hears the series as soon as they have arrived, before the page renders them, so that the
 * first series' metadata can be asked for at once.
 */
export function useViewerStudies(
  client: DicomWebClient,
  studyInstanceUids: readonly string[],
  onSeries?: (studies: StudySeries[]) => void,
): PacsQuery<StudySeries[]> {
  const key = studyInstanceUids.join(',');
  return usePacsQuery(key, async (signal) => {
    const studies = await (takeStartedViewerStudies(client, studyInstanceUids) ??
      fetchViewerStudies(client, studyInstanceUids, signal));
    if (!signal.aborted) onSeries?.(studies);
    return studies;
  });
}

/** WADO-RS metadata of one series, fetched once. */
export function useSeriesMetadata(
  client: DicomWebClient,
  series: SeriesRef | undefined,
): PacsQuery<InstanceMetadata[]> {
  const key = series ? seriesKey(series) : null;
  return usePacsQuery(key, async (signal) => {
    if (!key) return [];
    return metadataCacheOf(client).get(key, signal);
  });
}

/**
 * The patient's other studies in the archive (QIDO-RS by Patient ID), newest first, without the ones
 * already open.
 */
export function usePriorStudies(
  client: DicomWebClient,
  patientId: string | undefined,
  openStudies: readonly string[],
): PacsQuery<StudySummary[]> {
  const query = usePacsQuery(patientId ? `priors:${patientId}` : null, (signal) =>
    client.searchStudies({ patientId: patientId ?? '' }, { signal }),
  );
  const data = query.data
    ?.filter((study) => !openStudies.includes(study.studyInstanceUid))
    .sort((a, b) =>
      `${b.studyDate ?? ''}${b.studyTime ?? ''}`.localeCompare(`${a.studyDate ?? ''}${a.studyTime ?? ''}`),
    );
  return { ...query, data };
}
