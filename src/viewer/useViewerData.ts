import type { InstanceMetadata, StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { usePacsQuery, type PacsQuery } from '../ui';
import { withPaletteEntries } from './paletteData';
import type { StudySeries } from './SeriesBrowser';

/** Studies and their series for the viewer: one QIDO-RS study look-up and one series search per study. */
export function useViewerStudies(
  client: DicomWebClient,
  studyInstanceUids: readonly string[],
): PacsQuery<StudySeries[]> {
  const key = studyInstanceUids.join(',');
  return usePacsQuery(key, (signal) =>
    Promise.all(
      studyInstanceUids.map(async (studyInstanceUid) => {
        const [study, series] = await Promise.all([
          client.findStudy(studyInstanceUid, { signal }),
          client.searchSeries(studyInstanceUid, { signal }),
        ]);
        return { studyInstanceUid, study, series };
      }),
    ),
  );
}

export interface SeriesRef {
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

/** Series metadata already fetched in this page's life; coming back to a series costs no request. */
const metadataCache = new Map<string, InstanceMetadata[]>();
const METADATA_CACHE_SERIES = 24;

function remember(key: string, instances: InstanceMetadata[]): void {
  metadataCache.delete(key);
  metadataCache.set(key, instances);
  while (metadataCache.size > METADATA_CACHE_SERIES) {
    const oldest = metadataCache.keys().next().value;
    if (oldest === undefined) break;
    metadataCache.delete(oldest);
  }
}

/** WADO-RS metadata of one series, fetched once. */
export function useSeriesMetadata(
  client: DicomWebClient,
  series: SeriesRef | undefined,
): PacsQuery<InstanceMetadata[]> {
  const key = series ? `${series.studyInstanceUid}/${series.seriesInstanceUid}` : null;
  return usePacsQuery(key, async (signal) => {
    if (!series || !key) return [];
    const cached = metadataCache.get(key);
    if (cached) return cached;
    const fetched = await client.retrieveSeriesMetadata(series.studyInstanceUid, series.seriesInstanceUid, {
      signal,
    });
    // The image loader cannot report an instance whose palette it lacks (it waits for ever), so a
    // palette that cannot be read fails the series here, with the PACS error states of the viewer.
    const instances = await Promise.all(
      fetched.map((instance) =>
        withPaletteEntries(instance, (uri) => client.retrieveBulkData(uri, { signal })),
      ),
    );
    remember(key, instances);
    return instances;
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
