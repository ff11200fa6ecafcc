import type { SeriesRef } from './useViewerData';

export type LayoutId = '1x1' | '1x2' | '2x2';

export interface LayoutDefinition {
  id: LayoutId;
  label: string;
  columns: number;
  rows: number;
}

export const LAYOUTS: readonly LayoutDefinition[] = [
  { id: '1x1', label: '1×1', columns: 1, rows: 1 },
  { id: '1x2', label: '1×2', columns: 2, rows: 1 },
  { id: '2x2', label: '2×2', columns: 2, rows: 2 },
];

export const MAX_VIEWPORTS = 4;

export function layoutOf(id: LayoutId): LayoutDefinition {
  return LAYOUTS.find((layout) => layout.id === id) ?? LAYOUTS[0]!;
}

export function viewportCount(id: LayoutId): number {
  const { columns, rows } = layoutOf(id);
  return columns * rows;
}

const same = (a: SeriesRef | undefined, b: SeriesRef) => a?.seriesInstanceUid === b.seriesInstanceUid;

/**
 * The series of each viewport after a change of layout: viewports keep what they show, and each
 * empty one that becomes visible gets the next series not on screen yet (in series-browser order), so
 * that going to 1×2 compares two series at once as readers expect.
 */
export function fillViewports(
  cells: ReadonlyArray<SeriesRef | undefined>,
  visible: number,
  candidates: readonly SeriesRef[],
): Array<SeriesRef | undefined> {
  const next = Array.from({ length: MAX_VIEWPORTS }, (_, i) => cells[i]);
  const shown = () => next.slice(0, visible).filter((c): c is SeriesRef => c !== undefined);
  for (let i = 0; i < visible; i++) {
    if (next[i]) continue;
    const candidate = candidates.find((c) => !shown().some((s) => same(s, c)));
    if (!candidate) break;
    next[i] = candidate;
  }
  return next;
}
