import { metaData } from '@cornerstonejs/core';
import { takeFirstFrameBytes } from './firstFrames';

/** The image loader asks this type for a frame's bytes it already has (wadors loadImage, 5.x). */
const FRAME_BYTES_TYPE = 'compressedFrameData';
/** Above every provider that reads the files' attributes. */
const PRIORITY = 20_000;

let offered = false;

/**
 * Lets Cornerstone's image loader take the first frames fetched for the early drawing instead of
 * fetching them again: the loader looks a frame up by image id before it goes to the network, and
 * decodes what it finds as if it had fetched it.
 */
export function offerFirstFramesToImageLoader(): void {
  if (offered) return;
  metaData.addProvider((type: string, query: unknown) => {
    if (type !== FRAME_BYTES_TYPE || typeof query !== 'string') return undefined;
    return takeFirstFrameBytes(query);
  }, PRIORITY);
  offered = true;
}
