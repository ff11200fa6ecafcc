import { useEffect, useState } from 'react';
import { firstImagesSettled, type ImageViewport } from './seriesThumbnail';
import { useViewportStore } from './useViewportStore';

/**
 * A viewport whose first image never settles (its series failed before any image was asked for)
 * holds previews back this long at most: longer than a first image takes on a loaded machine.
 */
const LONGEST_WAIT_MS = 30_000;

/**
 * True once the viewports showing images have drawn their first image (or failed), and from then on:
 * the series' thumbnails and the search for prior studies start after that, so that they never delay
 * the images a reader opened the study for (they compete for the archive's time, and on a busy
 * machine the archive renders a thumbnail in the time it answers the series' metadata). Scrolling to images not yet loaded later does not stop them again. `imageViewports` is
 * undefined while the series, and so which viewports show images, are not known yet.
 */
export function usePreviewGate(imageViewports: readonly ImageViewport[] | undefined): boolean {
  const settled = useViewportStore(
    (state) => imageViewports !== undefined && firstImagesSettled(state.viewports, imageViewports),
  );
  const [open, setOpen] = useState(false);
  // Latched during render (React's pattern for state that follows a value), not in an effect.
  if (settled && !open) setOpen(true);
  useEffect(() => {
    const timer = setTimeout(() => setOpen(true), LONGEST_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  return open || settled;
}
