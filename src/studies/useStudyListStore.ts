import { create } from 'zustand';
import type { StudySummary } from '../dicom';

interface StudyListState {
  /** The last list the PACS returned and the search it answered, shown at once when the page comes back. */
  lastResult: { key: string; studies: StudySummary[] } | undefined;
  remember: (key: string, studies: StudySummary[]) => void;
}

export const useStudyListStore = create<StudyListState>()((set) => ({
  lastResult: undefined,
  remember: (key, studies) => set({ lastResult: { key, studies } }),
}));
