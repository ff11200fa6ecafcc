import { create } from 'zustand';
import { MAX_VIEWPORTS, fillViewports, viewportCount, type LayoutId } from './layout';
import type { ToolId } from './tools';
import type { SeriesRef } from './useViewerData';

/** The workspace of the viewer page: layout, what each viewport shows, which one is active, the tool. */
interface ViewerState {
  layout: LayoutId;
  /** The series of each viewport, by position (left to right, top to bottom); undefined: empty. */
  viewports: Array<SeriesRef | undefined>;
  activeViewport: number;
  tool: ToolId;
  setLayout: (layout: LayoutId, candidates: readonly SeriesRef[]) => void;
  showSeries: (viewport: number, series: SeriesRef) => void;
  /** Records what a viewport shows by default, so that it keeps it while the series list reloads. */
  keepSeries: (viewport: number, series: SeriesRef) => void;
  activate: (viewport: number) => void;
  setTool: (tool: ToolId) => void;
  /** A fresh workspace for other studies. */
  reset: () => void;
}

const INITIAL = {
  layout: '1x1' as LayoutId,
  viewports: Array.from({ length: MAX_VIEWPORTS }, (): SeriesRef | undefined => undefined),
  activeViewport: 0,
  tool: 'windowLevel' as ToolId,
};

export const useViewerStore = create<ViewerState>()((set) => ({
  ...INITIAL,
  setLayout: (layout, candidates) =>
    set((state) => {
      const count = viewportCount(layout);
      return {
        layout,
        viewports: fillViewports(state.viewports, count, candidates),
        activeViewport: state.activeViewport < count ? state.activeViewport : 0,
      };
    }),
  showSeries: (viewport, series) =>
    set((state) => {
      const viewports = [...state.viewports];
      viewports[viewport] = series;
      return { viewports, activeViewport: viewport };
    }),
  keepSeries: (viewport, series) =>
    set((state) => {
      if (state.viewports[viewport]) return state;
      const viewports = [...state.viewports];
      viewports[viewport] = series;
      return { viewports };
    }),
  activate: (viewport) => set({ activeViewport: viewport }),
  setTool: (tool) => set({ tool }),
  reset: () => set({ ...INITIAL, viewports: [...INITIAL.viewports] }),
}));

/** The id under which a viewport position reports its display and listens for commands. */
export function viewportIdAt(position: number): string {
  return `viewport-${position + 1}`;
}
