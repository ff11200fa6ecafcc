import type { InstanceMetadata, SeriesSummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
// The report kinds alone: the reports feature's entry brings its views, which the first requests do not need.
import { reportKindOf } from '../reports/reportKind';
import {
  fetchFirstFrame,
  type FirstFrame,
  firstFrameOf,
  releaseImageCode,
  releaseImageCodeAfter,
} from './firstFrame/firstFrames';
import { warmUpEarlyDrawing } from './firstFrame/warmUp';
import { withPaletteEntries } from './paletteData';
import type { StudySeries } from './SeriesBrowser';
import { chooseDefaultSeries, isDisplayableImage, seriesIsImages } from './seriesContent';
import { createSeriesMetadataCache, type SeriesMetadataCache } from './seriesMetadataCache';
import {
  holdSeriesRetrievalAhead,
  holdSeriesRetrievalEarly,
  likelyOneAnswer,
  oneAnswerLayoutOf,
} from './seriesRetrieval';
import { buildStack, type StackImage } from './stackOrder';

// The viewer's data without React: the page's first requests are made from here before the app's
// code has been evaluated (main.tsx), and the viewer's hooks (useViewerData.ts) read the same caches.

export interface SeriesRef {
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

/** One QIDO-RS study look-up and one series search per study, side by side. */
export function fetchViewerStudies(
  client: DicomWebClient,
  studyInstanceUids: readonly string[],
  signal?: AbortSignal,
): Promise<StudySeries[]> {
  return Promise.all(
    studyInstanceUids.map(async (studyInstanceUid) => {
      const [study, series] = await Promise.all([
        client.findStudy(studyInstanceUid, { signal }),
        client.searchSeries(studyInstanceUid, { signal }),
      ]);
      return { studyInstanceUid, study, series };
    }),
  );
}

const startedStudies = new WeakMap<DicomWebClient, Map<string, Promise<StudySeries[]>>>();

const studiesKey = (studyInstanceUids: readonly string[]) => studyInstanceUids.join(',');

/** Starts the viewer's study searches before the page exists; the page takes the answer once. */
export function startViewerStudies(
  client: DicomWebClient,
  studyInstanceUids: readonly string[],
): Promise<StudySeries[]> {
  const started = fetchViewerStudies(client, studyInstanceUids);
  let byKey = startedStudies.get(client);
  if (!byKey) startedStudies.set(client, (byKey = new Map()));
  byKey.set(studiesKey(studyInstanceUids), started);
  // Whoever takes it reports a failure; until then it must not be reported as unhandled.
  started.catch(() => undefined);
  return started;
}

/**
 * The searches started for these studies when the page opened, handed out once: a later visit of the
 * same studies asks the archive again (new series may have arrived).
 */
export function takeStartedViewerStudies(
  client: DicomWebClient,
  studyInstanceUids: readonly string[],
): Promise<StudySeries[]> | undefined {
  const byKey = startedStudies.get(client);
  const key = studiesKey(studyInstanceUids);
  const started = byKey?.get(key);
  byKey?.delete(key);
  return started;
}

const METADATA_CACHE_SERIES = 24;
const metadataCaches = new WeakMap<DicomWebClient, SeriesMetadataCache<InstanceMetadata[]>>();

export const seriesKey = (series: SeriesRef) => `${series.studyInstanceUid}/${series.seriesInstanceUid}`;

/** Series metadata of this page's life, fetched once per series and shared (seriesMetadataCache.ts). */
export function metadataCacheOf(client: DicomWebClient): SeriesMetadataCache<InstanceMetadata[]> {
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

/** A series' first image for the early drawing, in two steps. */
export interface EarlyFrames {
  /**
   * The image with Instance Number 1, decoded, before the series' metadata has said which image comes
   * first: for nearly every series the same one. Undefined when the series has no such single image or
   * anything failed.
   */
  likely: Promise<FirstFrame | undefined>;
  /** The stack's first image, once the series' metadata has arrived. */
  first: Promise<FirstFrame | undefined>;
}

/**
 * Fetches the series' metadata and then its first image's frame, for the early drawing
 * (firstFrame/): started as soon as the series is known, beside the image code that loads meanwhile.
 * The metadata of a whole series takes an archive that reads every file a while (Orthanc: a few
 * hundred milliseconds for 200 CT slices), so the image with Instance Number 1, which an archive
 * finds in its index, is fetched beside it: when the metadata puts that image first, as it does for
 * nearly every series, its frame is in already. Once the first frame is in, the rest of the series is
 * asked for in one answer (seriesRetrieval.ts), within `cacheBytes`, the image cache's budget.
 */
export function prefetchFirstImage(
  client: DicomWebClient,
  series: SeriesRef,
  cacheBytes: number,
  numberOfInstances?: number,
): EarlyFrames {
  // After this task, so that the metadata request goes out first; done while its answer is awaited.
  setTimeout(warmUpEarlyDrawing, 0);
  const stack = metadataCacheOf(client)
    .get(seriesKey(series))
    .then((instances) => imageStackOf(client, instances));
  const likelyImage = likelyFirstImage(client, series);
  const likely = likelyImage.then((image) => (image ? fetchFirstFrame(client, image) : undefined));
  // With a likely first image in and a series that will fit, the rest of the series is asked for
  // now rather than after the metadata: the answer flows while the metadata is put together.
  const startedAhead = Promise.all([likelyImage, likely]).then(([image, frame]) => {
    if (!image || !frame || !likelyOneAnswer(image, numberOfInstances, cacheBytes)) return false;
    holdSeriesRetrievalAhead({
      client,
      series,
      layout: stack.then(
        (arrived) => oneAnswerLayoutOf(arrived, cacheBytes),
        () => undefined,
      ),
      alreadyFetched: earlyFrameFetched,
    });
    return true;
  });
  const first = stack
    .then((arrived) => {
      const firstImage = arrived[0];
      if (!firstImage) {
        releaseImageCode();
        return undefined;
      }
      const frame = fetchFirstFrame(client, firstImage);
      releaseImageCodeAfter(frame);
      void startedAhead.then((started) => {
        if (started) return;
        holdSeriesRetrievalEarly({
          client,
          stack: arrived,
          cacheBytes,
          startAfter: frame,
          alreadyFetched: earlyFrameFetched,
        });
      });
      return frame;
    })
    .catch(() => {
      // The viewport reports a metadata failure itself.
      releaseImageCode();
      return undefined;
    });
  return { likely, first };
}

const likelyImages = new WeakMap<DicomWebClient, Map<string, Promise<StackImage | undefined>>>();

/**
 * The series' image with Instance Number 1 as the first image of a stack, when exactly one instance
 * has that number and it is an image the viewer shows.
 */
function likelyFirstImage(client: DicomWebClient, series: SeriesRef): Promise<StackImage | undefined> {
  let byKey = likelyImages.get(client);
  if (!byKey) likelyImages.set(client, (byKey = new Map()));
  const key = seriesKey(series);
  let found = byKey.get(key);
  if (!found) {
    found = findLikelyFirstImage(client, series).catch(() => undefined);
    byKey.set(key, found);
  }
  return found;
}

async function findLikelyFirstImage(
  client: DicomWebClient,
  series: SeriesRef,
): Promise<StackImage | undefined> {
  const { studyInstanceUid, seriesInstanceUid } = series;
  const matches = await client.searchInstancesByNumber(studyInstanceUid, seriesInstanceUid, 1);
  if (matches.length !== 1) return undefined;
  const instance = await client.retrieveInstanceMetadata(studyInstanceUid, seriesInstanceUid, matches[0]!);
  return instance ? imageStackOf(client, [instance])[0] : undefined;
}

/**
 * Once the studies' series have arrived: the first viewport's series (the one asked for, else the main
 * image series) has its first image fetched and drawn early; a report or nothing lets the image code
 * load at once. Returns that series and its early frames, if it has one.
 */
export function prefetchDefaultSeries(
  studies: readonly StudySeries[],
  client: DicomWebClient,
  cacheBytes: number,
  asked?: string,
): { series: SeriesSummary; frames: EarlyFrames } | undefined {
  const first = chooseDefaultSeries(
    studies.flatMap((entry) => entry.series),
    asked,
  );
  if (first && seriesIsImages(first) && !reportKindOf(first)) {
    const series = { studyInstanceUid: first.studyInstanceUid, seriesInstanceUid: first.seriesInstanceUid };
    return {
      series: first,
      frames: prefetchFirstImage(client, series, cacheBytes, first.numberOfInstances),
    };
  }
  releaseImageCode();
  return undefined;
}

/** Whether an image's frame was fetched for the early drawing (the series' answer does not keep it twice). */
export function earlyFrameFetched(imageId: string): boolean {
  return firstFrameOf(imageId) !== undefined;
}
