import type { SeriesRef } from './useViewerData';

/** The drag-and-drop type of a series dragged from the series browser to a viewport. */
export const SERIES_DRAG_TYPE = 'application/x-fovea-series';

export function writeSeriesDrag(transfer: DataTransfer, series: SeriesRef, label: string): void {
  transfer.setData(SERIES_DRAG_TYPE, JSON.stringify(series));
  transfer.setData('text/plain', label);
  transfer.effectAllowed = 'copy';
}

/** The series dropped, or undefined for anything else (a file, text from another page). */
export function readSeriesDrag(transfer: Pick<DataTransfer, 'getData'>): SeriesRef | undefined {
  try {
    const value = JSON.parse(transfer.getData(SERIES_DRAG_TYPE)) as Partial<SeriesRef> | null;
    if (typeof value?.studyInstanceUid === 'string' && typeof value.seriesInstanceUid === 'string')
      return { studyInstanceUid: value.studyInstanceUid, seriesInstanceUid: value.seriesInstanceUid };
  } catch {
    // Not JSON: not a series from Fovea.
  }
  return undefined;
}
