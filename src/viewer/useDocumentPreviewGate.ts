import { useEffect, useState } from 'react';
import { imageSeriesStreamed, type ImageViewport } from './seriesThumbnail';
import { useSeriesProgress } from './useSeriesProgress';
import { useViewportStore } from './useViewportStore';

/**
 * Documents' previews wait this long at most: a series that never finishes (a viewport that never
 * starts, a very long series on a slow archive) does not keep them from the reader for good.
 */
const LONGEST_WAIT_MS = 30_000;

/**
 * True once the series shown in image viewports have streamed in (or failed), and from then on:
 * documents' previews start after that, so that they never delay the images a reader opened the
 * study for. Scrolling to images not yet loaded later does not stop them again. `imageViewports` is
 * undefined while the series, and so which viewports show images, are not known yet.
 */
export function useDocumentPreviewGate(imageViewports: readonly ImageViewport[] | undefined): boolean {
  const progress = useSeriesProgress((state) => state.series);
  const settled = useViewportStore(
    (state) => imageViewports !== undefined && imageSeriesStreamed(state.viewports, progress, imageViewports),
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
