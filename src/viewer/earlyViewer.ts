import type { DicomWebClient } from '../dicomweb';
import type { EarlyPage } from './firstFrame/earlyPage';
import { releaseImageCode } from './firstFrame/firstFrames';
import { distinctPatients } from './patients';
import type { StudySeries } from './SeriesBrowser';
import {
  prefetchDefaultSeries,
  prefetchFirstImage,
  startViewerStudies,
  type EarlyFrames,
} from './viewerData';
import { parseViewerRequest, type ViewerRequestResult } from './viewerRequest';

/** `/viewer/:StudyInstanceUID` or `/viewer?…`: the study in the path, if any. */
const VIEWER_PATH = /^\/viewer(?:\/([^/]+))?\/?$/;

/**
 * A page opened on the viewer starts its searches here, before the app's code has been evaluated: the
 * studies' series, then the first series' metadata and first frame (drawn on `page` with its patient's
 * banner), then the rest of that series in one answer, within `cacheBytes` (the image cache's budget).
 * The viewer takes these answers when it renders (viewerData.ts) and reports any failure itself.
 * `parsed` is the viewer's address (viewerRequestAt). Resolves once the first series' metadata has been
 * asked for, or it is known that there is none.
 */
export function openViewerEarly(
  client: DicomWebClient,
  parsed: ViewerRequestResult,
  cacheBytes: number,
  page?: EarlyPage,
): Promise<void> {
  if (!parsed.ok) {
    releaseImageCode();
    return Promise.resolve();
  }
  const { studyInstanceUids, seriesInstanceUid } = parsed.request;
  // A series named in the address needs no search to be found.
  if (seriesInstanceUid && studyInstanceUids.length === 1)
    prefetchFirstImage(client, { studyInstanceUid: studyInstanceUids[0]!, seriesInstanceUid }, cacheBytes);
  return startViewerStudies(client, studyInstanceUids).then((studies) => {
    const first = prefetchDefaultSeries(studies, client, cacheBytes, seriesInstanceUid);
    if (page && first) showOnEarlyPage(page, studies, first.series.studyInstanceUid, first.frames);
  }, releaseImageCode);
}

/**
 * The image is drawn once its patient is named in the banner. Studies of several patients are left to
 * the app, which names them all. The likely first image is drawn as soon as it is decoded, and
 * replaced by the stack's first image in the rare series whose metadata puts another image first.
 */
function showOnEarlyPage(
  page: EarlyPage,
  studies: readonly StudySeries[],
  studyInstanceUid: string,
  frames: EarlyFrames,
): void {
  const study = studies.find((entry) => entry.studyInstanceUid === studyInstanceUid)?.study;
  if (!study || distinctPatients(studies.map((entry) => entry.study)).length !== 1) return;
  page.showPatient(study);
  let shown: string | undefined;
  let firstKnown = false;
  void frames.likely.then((likely) => {
    if (!likely || firstKnown) return;
    if (page.showImage(likely, releaseImageCode)) shown = likely.imageId;
  });
  void frames.first.then((first) => {
    firstKnown = true;
    if (first && first.imageId !== shown) page.showImage(first, releaseImageCode);
  });
}

/** What the viewer's address asks for; undefined for an address that is not the viewer's. */
export function viewerRequestAt(
  location: Pick<Location, 'pathname' | 'search'>,
): ViewerRequestResult | undefined {
  const match = VIEWER_PATH.exec(location.pathname);
  return match ? parseViewerRequest(decodePath(match[1]), new URLSearchParams(location.search)) : undefined;
}

function decodePath(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
