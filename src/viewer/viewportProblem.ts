import type { InstanceMetadata, SeriesSummary } from '../dicom';
import type { PacsError } from '../dicomweb';
import { seriesIsImages, whyNotImages } from './seriesContent';

/** Why the viewport shows a card instead of images. */
export interface ViewportProblem {
  /** not-an-image: the series holds no images; load-failed: its images could not be fetched or read. */
  reason: 'not-an-image' | 'load-failed';
  message: string;
  detail?: string;
}

export interface SeriesState {
  /** The series chosen, once the series list is known. */
  series: SeriesSummary | undefined;
  /** Its metadata, once fetched. */
  instances: readonly InstanceMetadata[] | undefined;
  /** How many of those are images the viewport can show. */
  imageCount: number | undefined;
  /** Why the metadata could not be fetched (not counting an unreachable PACS, which is retried). */
  error: PacsError | undefined;
}

/** What keeps a series from the viewport, if anything. */
export function viewportProblem({
  series,
  instances,
  imageCount,
  error,
}: SeriesState): ViewportProblem | undefined {
  if (series && !seriesIsImages(series)) {
    return {
      reason: 'not-an-image',
      message: whyNotImages(series.sopClassUid, series.modality, series.numberOfInstances ?? 1),
    };
  }
  if (error) {
    return {
      reason: 'load-failed',
      message: `The series could not be loaded: ${error.userMessage}.`,
      detail: error.detail,
    };
  }
  if (instances && imageCount === 0) {
    if (instances.length === 0)
      return { reason: 'not-an-image', message: 'This series has no instances in the PACS.' };
    return {
      reason: 'not-an-image',
      message: whyNotImages(
        instances[0]?.sopClassUid ?? series?.sopClassUid,
        series?.modality,
        instances.length,
      ),
    };
  }
  return undefined;
}
