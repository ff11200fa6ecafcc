import type { DicomWebClient } from '../dicomweb';
import type { EarlyPage } from './firstFrame/earlyPage';
import { releaseImageCode, type FirstFrame } from './firstFrame/firstFrames';
import { distinctPatients } from './patients';
import type { StudySeries } from './SeriesBrowser';
import { prefetchDefaultSeries, prefetchFirstImage, startViewerStudies } from './viewerData';
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
    if (page && first) showOnEarlyPage(page, studies, first.series.studyInstanceUid, first.frame);
  }, releaseImageCode);
}

/**
 * The image is drawn once its patient is named in the banner. Studies of several patients are left to
 * the app, which names them all.
 */
function showOnEarlyPage(
  page: EarlyPage,
  studies: readonly StudySeries[],
  studyInstanceUid: string,
  frame: Promise<FirstFrame | undefined>,
): void {
  const study = studies.find((entry) => entry.studyInstanceUid === studyInstanceUid)?.study;
  if (!study || distinctPatients(studies.map((entry) => entry.study)).length !== 1) return;
  page.showPatient(study);
  void frame.then((decoded) => decoded && page.showImage(decoded, releaseImageCode));
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
