import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { DicomWebClient, PacsError } from '../dicomweb';
import { followStudyEvents } from '../dicomweb';
import { usePacsQuery } from '../ui';
import { indexStudies, resultStatusOf, resultStudyFromSummary } from './resultStatus';
import { useWorklistStore } from './useWorklistStore';
import { prepareSearchTexts, type WorklistRow } from './worklistFilters';

export interface WorklistData {
  /** The rows of the date, from this poll or — while the worklist is away — the last good one. */
  rows: WorklistRow[] | undefined;
  /** When the rows shown were received from the worklist. */
  receivedAt: number | undefined;
  loading: boolean;
  /** Why the worklist cannot be read now (the rows shown, if any, are older). */
  worklistError: PacsError | undefined;
  /** The worklist retries by itself (it is unreachable or slow). */
  retrying: boolean;
  retry: () => void;
  /** Why result statuses may be out of date (the study search failed). */
  statusError: PacsError | undefined;
}

/** After a live event, ask the PACS once more for the names and birth dates an event leaves out. */
const SETTLE_AFTER_EVENT_MS = 1500;

/**
 * The worklist of one date with each order's result status: one UPS-RS search per poll, one QIDO-RS
 * study search for the date (not one per row), and live events from the gateway in between.
 */
export function useWorklistData(
  client: DicomWebClient,
  eventsUrl: string,
  date: string,
  pollIntervalSeconds: number,
): WorklistData {
  const [poll, setPoll] = useState(0);
  const [studyRound, setStudyRound] = useState(0);
  const remembered = useWorklistStore((state) => state.procedures[date]);
  const studies = useWorklistStore((state) => state.studies);
  const rememberProcedures = useWorklistStore((state) => state.rememberProcedures);
  const rememberStudies = useWorklistStore((state) => state.rememberStudies);

  useEffect(() => {
    const timer = setInterval(() => setPoll((n) => n + 1), pollIntervalSeconds * 1000);
    return () => clearInterval(timer);
  }, [pollIntervalSeconds]);

  const procedures = usePacsQuery(`${date}#${poll}`, async (signal) => {
    const found = await client.searchWorkitems(date, { signal });
    rememberProcedures(date, found);
    return found;
  });

  const studySearch = usePacsQuery(`${date}#${poll}#${studyRound}`, async (signal) => {
    // One search for the whole day: every study of the date with what a status needs.
    const found = await client.searchStudies({ studyDate: date, limit: 5000 }, { signal });
    rememberStudies(found.map(resultStudyFromSummary));
    return found.length;
  });

  useLiveEvents(eventsUrl, setStudyRound);

  const list = remembered?.procedures;
  const rows = useMemo(() => {
    if (!list) return undefined;
    const index = indexStudies(Object.values(studies));
    return list.map((procedure) => ({ procedure, status: resultStatusOf(procedure, index) }));
  }, [list, studies]);

  // After the list is on screen, so that the first keystroke in the filter does not wait for them.
  useEffect(() => (list ? prepareSearchTexts(list) : undefined), [list]);

  return {
    rows,
    receivedAt: remembered?.receivedAt,
    loading: procedures.loading && !list,
    worklistError: procedures.error,
    retrying: procedures.waitingForPacs,
    retry: procedures.retry,
    statusError: studySearch.error,
  };
}

/**
 * Follows the gateway's study events: applies each to the store at once, and asks for a fresh study
 * search shortly after (identity details) and after every reconnection (what was missed).
 */
function useLiveEvents(url: string, setStudyRound: Dispatch<SetStateAction<number>>): void {
  const applyArrival = useWorklistStore((state) => state.applyArrival);
  const setLive = useWorklistStore((state) => state.setLive);

  useEffect(() => {
    const refresh = () => setStudyRound((n) => n + 1);
    let settle: ReturnType<typeof setTimeout> | undefined;
    let wasLive = false;
    let everLive = false;
    const stop = followStudyEvents(url, {
      onStudy: (arrival) => {
        applyArrival(arrival);
        clearTimeout(settle);
        settle = setTimeout(refresh, SETTLE_AFTER_EVENT_MS);
      },
      onState: (state, detail) => {
        setLive(state, detail);
        // Back after a drop: what arrived meanwhile is in the PACS, not in the events.
        if (state === 'live' && !wasLive && everLive) refresh();
        wasLive = state === 'live';
        everLive ||= wasLive;
      },
    });
    return () => {
      stop();
      clearTimeout(settle);
    };
  }, [url, applyArrival, setLive, setStudyRound]);
}
