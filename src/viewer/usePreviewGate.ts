import { useEffect, useState } from 'react';
import { firstImagesSettled, seriesStreamedIn, type ImageViewport } from './seriesThumbnail';
import { useSeriesProgress } from './useSeriesProgress';
import { useViewportStore } from './useViewportStore';

/**
 * A viewport whose images never settle (its series failed before any image was asked for, or is
 * larger than the image cache) holds previews back this long at most: longer than a first image
 * takes on a loaded machine.
 */
const LONGEST_WAIT_MS = 30_000;

export interface PreviewGate {
  /**
   * True once the viewports showing images have drawn their first image (or failed): the series'
   * thumbnails and the search for prior studies start then, so that they never delay the images a
   * reader opened the study for (they compete for the archive's time, and on a busy machine the
   * archive renders a thumbnail in the time it answers the series' metadata).
   */
  previews: boolean;
  /** True once those viewports have their whole series in: documents' previews start then. */
  documents: boolean;
}

/**
 * When previews may load. Each opens once and stays open: scrolling to images not yet loaded later
 * does not stop them again. `imageViewports` is undefined while the series, and so which viewports
 * show images, are not known yet.
 */
export function usePreviewGate(imageViewports: readonly ImageViewport[] | undefined): PreviewGate {
  const settled = useViewportStore(
    (state) => imageViewports !== undefined && firstImagesSettled(state.viewports, imageViewports),
  );
  // Two stores: each selector reads the other's latest state, so whichever changed last decides.
  const streamedInByViewports = useViewportStore(
    (state) =>
      imageViewports !== undefined &&
      seriesStreamedIn(state.viewports, useSeriesProgress.getState().series, imageViewports),
  );
  const streamedInByProgress = useSeriesProgress(
    (progress) =>
      imageViewports !== undefined &&
      seriesStreamedIn(useViewportStore.getState().viewports, progress.series, imageViewports),
  );
  const streamedIn = streamedInByViewports || streamedInByProgress;
  const previews = useLatch(settled);
  const documents = useLatch(settled && streamedIn);
  return { previews, documents };
}

/** True from the first render in which `condition` holds, or after the longest wait. */
function useLatch(condition: boolean): boolean {
  const [open, setOpen] = useState(false);
  // Latched during render (React's pattern for state that follows a value), not in an effect.
  if (condition && !open) setOpen(true);
  useEffect(() => {
    const timer = setTimeout(() => setOpen(true), LONGEST_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  return open || condition;
}
