import { create } from 'zustand';

/** How much of a series is decoded and cached, for the series browser's progress bars. */
export interface SeriesProgress {
  loaded: number;
  total: number;
}

interface SeriesProgressStore {
  series: Record<string, SeriesProgress>;
  report: (seriesInstanceUid: string, progress: SeriesProgress) => void;
}

export const useSeriesProgress = create<SeriesProgressStore>()((set) => ({
  series: {},
  report: (seriesInstanceUid, progress) =>
    set((state) => {
      const before = state.series[seriesInstanceUid];
      if (before && before.loaded === progress.loaded && before.total === progress.total) return state;
      return { series: { ...state.series, [seriesInstanceUid]: progress } };
    }),
}));
