import { create } from 'zustand';
import type { EdgeMarkers } from './orientation';
import type { DisplayWindow } from './windowLevel';
import type { WindowPreset } from './windowPresets';

/** loading: the current image is on its way or not drawn yet; ready: it is drawn; error: it cannot be. */
export type ViewportStatus = 'loading' | 'ready' | 'error';

/** What one viewport shows now, written by its Cornerstone controller and read by the page. */
export interface ViewportDisplay {
  /** The series these values describe; anything else on screen is still loading. */
  seriesInstanceUid: string | undefined;
  status: ViewportStatus;
  /** 0-based index of the image in the stack */
  imageIndex: number;
  imageCount: number;
  window: DisplayWindow | undefined;
  /** Why the current image cannot be shown. */
  error: string | undefined;
  /** The windows offered for this series, in menu order. */
  presets: readonly WindowPreset[];
  inverted: boolean;
  cinePlaying: boolean;
  /** Cine speed, frames per second */
  cineRate: number;
  /** Patient directions at the image edges; undefined when the image does not say its orientation. */
  markers: EdgeMarkers | undefined;
  /** False when the image gives no pixel spacing: measurements are then in pixels. */
  hasPixelSpacing: boolean;
}

/** What the toolbar shows of the active viewport: it does not change from one image to the next. */
export type ToolbarDisplay = Pick<
  ViewportDisplay,
  'seriesInstanceUid' | 'imageCount' | 'presets' | 'inverted' | 'cinePlaying' | 'cineRate'
>;

/** Cine speed when the file names none. */
export const DEFAULT_CINE_RATE = 20;

export const EMPTY_DISPLAY: ViewportDisplay = {
  seriesInstanceUid: undefined,
  status: 'loading',
  imageIndex: 0,
  imageCount: 0,
  window: undefined,
  error: undefined,
  presets: [],
  inverted: false,
  cinePlaying: false,
  cineRate: DEFAULT_CINE_RATE,
  markers: undefined,
  hasPixelSpacing: true,
};

interface ViewportStore {
  viewports: Record<string, ViewportDisplay>;
  update: (viewportId: string, patch: Partial<ViewportDisplay>) => void;
  remove: (viewportId: string) => void;
}

/** Same value: equal numbers and strings, or plain records and arrays of them with equal members. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Whether `patch` would change nothing of `display`. */
export function changesNothing(
  display: ViewportDisplay | undefined,
  patch: Partial<ViewportDisplay>,
): boolean {
  if (!display) return false;
  return (Object.keys(patch) as Array<keyof ViewportDisplay>).every((key) =>
    sameValue(display[key], patch[key]),
  );
}

export const useViewportStore = create<ViewportStore>()((set) => ({
  viewports: {},
  // A viewport reports after every drawn image; most reports repeat what the store holds, and a new
  // state would re-render its readers for nothing (several times per image while scrolling).
  update: (viewportId, patch) =>
    set((state) => {
      const display = state.viewports[viewportId];
      if (changesNothing(display, patch)) return state;
      return { viewports: { ...state.viewports, [viewportId]: { ...(display ?? EMPTY_DISPLAY), ...patch } } };
    }),
  remove: (viewportId) =>
    set((state) => {
      const { [viewportId]: _removed, ...rest } = state.viewports;
      return { viewports: rest };
    }),
}));
