/** What `/viewer?StudyInstanceUIDs=…[&SeriesInstanceUID=…]` or `/viewer/:StudyInstanceUID` asks to show. */
export interface ViewerRequest {
  studyInstanceUids: string[];
  seriesInstanceUid?: string;
}

export type ViewerRequestResult = { ok: true; request: ViewerRequest } | { ok: false; message: string };

/** PS3.5 9.1: digits and dots, no leading zeros in a component, at most 64 characters. */
const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/;

export function isUid(value: string): boolean {
  return value.length <= 64 && UID.test(value);
}

/**
 * Reads the viewer's address. StudyInstanceUIDs may be comma-separated or repeated (OHIF links use
 * both); duplicates are dropped, order is kept.
 */
export function parseViewerRequest(
  pathStudyUid: string | undefined,
  search: URLSearchParams,
): ViewerRequestResult {
  const raw = [pathStudyUid ?? '', ...search.getAll('StudyInstanceUIDs')]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  const studyInstanceUids = [...new Set(raw)];
  if (studyInstanceUids.length === 0) {
    return { ok: false, message: 'No study was given. Open a study from the study list.' };
  }
  const invalid = studyInstanceUids.find((uid) => !isUid(uid));
  if (invalid) return { ok: false, message: `“${invalid}” is not a valid Study Instance UID.` };
  const series = search.get('SeriesInstanceUID')?.trim();
  if (series && !isUid(series))
    return { ok: false, message: `“${series}” is not a valid Series Instance UID.` };
  return {
    ok: true,
    request: series ? { studyInstanceUids, seriesInstanceUid: series } : { studyInstanceUids },
  };
}
