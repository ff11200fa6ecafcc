import { create } from 'zustand';
import type { StudyPage } from '../dicomweb';

interface StudyListState {
  /** The last list the PACS returned and the search it answered, shown at once when the page comes back. */
  lastResult: { key: string; page: StudyPage } | undefined;
  remember: (key: string, page: StudyPage) => void;
}

export const useStudyListStore = create<StudyListState>()((set) => ({
  lastResult: undefined,
  remember: (key, page) => set({ lastResult: { key, page } }),
}));
