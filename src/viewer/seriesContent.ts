import { isImageSeries, sopClassInfo, type InstanceMetadata, type SeriesSummary } from '../dicom';

/**
 * The series to show first: the one asked for, else the image series with the most images (the main
 * acquisition rather than a scout or a report), else the first series.
 */
export function chooseDefaultSeries(
  series: readonly SeriesSummary[],
  requested?: string,
): SeriesSummary | undefined {
  const asked = requested ? series.find((s) => s.seriesInstanceUid === requested) : undefined;
  if (asked) return asked;
  let best: SeriesSummary | undefined;
  for (const candidate of series) {
    if (!isImageSeries(candidate.sopClassUid, candidate.modality)) continue;
    if (!best || (candidate.numberOfInstances ?? 0) > (best.numberOfInstances ?? 0)) best = candidate;
  }
  return best ?? series[0];
}

/** Whether one instance can go into the stack viewport. */
export function isDisplayableImage(instance: InstanceMetadata): boolean {
  const info = sopClassInfo(instance.sopClassUid);
  if (info) return info.category === 'image';
  // A SOP class Fovea does not know is tried as an image when it has pixels and a size.
  return instance.hasPixelData && (instance.rows ?? 0) > 0 && (instance.columns ?? 0) > 0;
}

/** Why a series is not shown as images, as one factual sentence. */
export function whyNotImages(
  sopClassUid: string | undefined,
  modality: string | undefined,
  count: number,
): string {
  const info = sopClassInfo(sopClassUid);
  const several = count > 1;
  if (info?.category === 'pixel-data') {
    return `This series holds ${several ? info.many : info.one}, which Fovea does not display as images.`;
  }
  if (info) return `This series holds ${several ? info.many : info.one}; it has no pixel data to display.`;
  const what = sopClassUid ? `objects of SOP class ${sopClassUid}` : `${modality || 'non-image'} objects`;
  return `This series holds ${what}; it has no pixel data to display.`;
}

/** What the QIDO-RS answer already says about a series: images, or not (then no need to fetch metadata). */
export function seriesIsImages(series: SeriesSummary): boolean {
  return isImageSeries(series.sopClassUid, series.modality);
}
