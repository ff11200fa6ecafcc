/**
 * Which transfer syntax to ask the PACS for, per series. Frames are asked for as they are stored
 * (`transfer-syntax=*`), so compressed images travel compressed and are decoded in the browser. Some
 * archives cannot send every stored syntax that way (Orthanc 1.10 with DICOMweb 1.7 answers 500 for
 * Explicit VR Big Endian and Deflated); for such a series the viewer asks again without a transfer
 * syntax, which DICOMweb answers in Explicit VR Little Endian.
 */
export const ACCEPT_DEFAULT = 'multipart/related; type="application/octet-stream"';

/** Statuses that mean "not in that form", as opposed to "not there" (404) or "PACS away" (502–504). */
const CANNOT_SEND_AS_STORED = new Set([400, 406, 415, 500, 501]);

/** "…/studies/{uid}/series/{uid}" of a wadors image id or frame URL; undefined for anything else. */
export function seriesPathOf(imageIdOrUrl: string): string | undefined {
  return imageIdOrUrl.match(/\/studies\/[^/]+\/series\/[^/]+/)?.[0];
}

export class FrameTransferSyntaxPolicy {
  private readonly asDefault = new Set<string>();

  /** The Accept header for an image, or undefined to keep the loader's own (as stored). */
  acceptFor(imageId: string): string | undefined {
    const series = seriesPathOf(imageId);
    return series && this.asDefault.has(series) ? ACCEPT_DEFAULT : undefined;
  }

  /**
   * After a failed frame request: true when the series should be asked for again in the default
   * transfer syntax (it then is, from now on); false when that would not help or was already tried.
   */
  fallBack(imageId: string, status: number): boolean {
    const series = seriesPathOf(imageId);
    if (!series || !CANNOT_SEND_AS_STORED.has(status) || this.asDefault.has(series)) return false;
    this.asDefault.add(series);
    return true;
  }
}
