import { create } from 'zustand';
import type { ScheduledProcedure } from '../dicom';
import type { LiveState, StudyArrival } from '../dicomweb';
import { mergeArrival, type ResultStudy } from './resultStatus';

interface WorklistState {
  /** The last list the worklist returned, per scheduled date (DA), and when: shown while it is away. */
  procedures: Record<string, { procedures: ScheduledProcedure[]; receivedAt: number }>;
  /** Studies in the PACS that may belong to the orders, by Study Instance UID. */
  studies: Record<string, ResultStudy>;
  live: { state: LiveState; detail?: string };
  rememberProcedures: (date: string, procedures: ScheduledProcedure[]) => void;
  /** A fresh study search replaces what earlier searches and events said about those studies. */
  rememberStudies: (studies: ResultStudy[]) => void;
  applyArrival: (arrival: StudyArrival) => void;
  setLive: (state: LiveState, detail?: string) => void;
}

export const useWorklistStore = create<WorklistState>()((set) => ({
  procedures: {},
  studies: {},
  live: { state: 'connecting' },
  rememberProcedures: (date, procedures) =>
    set((state) => ({ procedures: { ...state.procedures, [date]: { procedures, receivedAt: Date.now() } } })),
  rememberStudies: (studies) =>
    set((state) => {
      const next = { ...state.studies };
      for (const study of studies) next[study.studyInstanceUid] = study;
      return { studies: next };
    }),
  applyArrival: (arrival) =>
    set((state) => ({
      studies: {
        ...state.studies,
        [arrival.studyInstanceUid]: mergeArrival(state.studies[arrival.studyInstanceUid], arrival),
      },
    })),
  setLive: (live, detail) => set({ live: detail === undefined ? { state: live } : { state: live, detail } }),
}));
