import type { InstanceMetadata, StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { usePacsQuery, type PacsQuery } from '../ui';
import { fetchFirstFrame, releaseImageCode, releaseImageCodeAfter } from './firstFrame';
import { withPaletteEntries } from './paletteData';
import type { StudySeries } from './SeriesBrowser';
import { isDisplayableImage } from './seriesContent';
import { createSeriesMetadataCache, type SeriesMetadataCache } from './seriesMetadataCache';
import { buildStack, type StackImage } from './stackOrder';

/**
 * Studies and their series for the viewer: one QIDO-RS study look-up and one series search per study.
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
    const studies = await Promise.all(
      studyInstanceUids.map(async (studyInstanceUid) => {
        const [study, series] = await Promise.all([
          client.findStudy(studyInstanceUid, { signal }),
          client.searchSeries(studyInstanceUid, { signal }),
        ]);
        return { studyInstanceUid, study, series };
      }),
    );
    if (!signal.aborted) onSeries?.(studies);
    return studies;
  });
}

export interface SeriesRef {
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

const METADATA_CACHE_SERIES = 24;
const metadataCaches = new WeakMap<DicomWebClient, SeriesMetadataCache<InstanceMetadata[]>>();

const seriesKey = (series: SeriesRef) => `${series.studyInstanceUid}/${series.seriesInstanceUid}`;

/** Series metadata of this page's life, fetched once per series and shared (seriesMetadataCache.ts). */
function metadataCacheOf(client: DicomWebClient): SeriesMetadataCache<InstanceMetadata[]> {
  let cache = metadataCaches.get(client);
  if (!cache) {
    cache = createSeriesMetadataCache(async (key) => {
      const [studyInstanceUid = '', seriesInstanceUid = ''] = key.split('/');
      const fetched = await client.retrieveSeriesMetadata(studyInstanceUid, seriesInstanceUid);
      // The image loader cannot report an instance whose palette it lacks (it waits for ever), so a
      // palette that cannot be read fails the series here, with the PACS error states of the viewer.
      return Promise.all(
        fetched.map((instance) => withPaletteEntries(instance, (uri) => client.retrieveBulkData(uri))),
      );
    }, METADATA_CACHE_SERIES);
    metadataCaches.set(client, cache);
  }
  return cache;
}

/** The images of a series a viewport shows, in stack order, with their WADO-RS image ids. */
export function imageStackOf(client: DicomWebClient, instances: readonly InstanceMetadata[]): StackImage[] {
  return buildStack(instances.filter(isDisplayableImage), (instance, frame) =>
    client.frameUrl(instance.studyInstanceUid, instance.seriesInstanceUid, instance.sopInstanceUid, frame),
  );
}

/**
 * Fetches the series' metadata and then its first image's frame, for the early drawing
 * (firstFrame/): started as soon as the series is known, beside the image code that loads meanwhile.
 */
export function prefetchFirstImage(client: DicomWebClient, series: SeriesRef): void {
  metadataCacheOf(client)
    .get(seriesKey(series))
    .then((instances) => {
      const first = imageStackOf(client, instances)[0];
      if (first) releaseImageCodeAfter(fetchFirstFrame(client, first));
      else releaseImageCode();
    })
    // The viewport reports a metadata failure itself.
    .catch(releaseImageCode);
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
