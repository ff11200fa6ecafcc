import { metaData } from '@cornerstonejs/core';
import { takeRetrievedBytes } from '../seriesRetrieval';
import { takeFirstFrameBytes } from './firstFrames';

/** The image loader asks this type for a frame's bytes it already has (wadors loadImage, 5.x). */
const FRAME_BYTES_TYPE = 'compressedFrameData';
/** Above every provider that reads the files' attributes. */
const PRIORITY = 20_000;

let offered = false;

/**
 * Lets Cornerstone's image loader take frames the viewer fetched itself instead of fetching them
 * again: the first frames fetched for the early drawing, and the frames of a series that came in one
 * answer (seriesRetrieval.ts). The loader looks a frame up by image id before it goes to the network,
 * and decodes what it finds as if it had fetched it; each frame is handed over once.
 */
export function offerFetchedFramesToImageLoader(): void {
  if (offered) return;
  metaData.addProvider((type: string, query: unknown) => {
    if (type !== FRAME_BYTES_TYPE || typeof query !== 'string') return undefined;
    return takeFirstFrameBytes(query) ?? takeRetrievedBytes(query);
  }, PRIORITY);
  offered = true;
}
