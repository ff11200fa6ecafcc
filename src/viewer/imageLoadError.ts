/**
 * Why an image could not be shown, from what Cornerstone's loader rejected with: the
 * XMLHttpRequest itself for a failed fetch, an Error for a failed decode.
 */
export function describeImageLoadError(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && typeof (error as { readyState?: unknown }).readyState === 'number') {
    if (status === 0 || status === 502 || status === 503 || status === 504) {
      return 'PACS unreachable — the image could not be fetched.';
    }
    if (status === 404) return 'The PACS does not have this image (HTTP 404).';
    if (status === 406 || status === 415) {
      return `The PACS cannot send this image in a form the viewer accepts (HTTP ${status}).`;
    }
    return `The PACS answered HTTP ${status} for this image.`;
  }
  if (error instanceof Error) return `The image could not be decoded: ${error.message}`;
  if (typeof error === 'string' && error) return `The image could not be decoded: ${error}`;
  return 'The image could not be loaded.';
}
