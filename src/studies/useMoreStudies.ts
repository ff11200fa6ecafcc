import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudySummary } from '../dicom';
import { isAbortError, toPacsError, type PacsError, type StudyPage } from '../dicomweb';

export interface MoreStudies {
  /** Studies of the pages after the first, in the order they came. */
  studies: StudySummary[];
  /** The last page asked for came back full, so the PACS may hold more. */
  mayHaveMore: boolean;
  loading: boolean;
  error: PacsError | undefined;
  loadMore: () => void;
}

interface Pages {
  key: string;
  studies: StudySummary[];
  /** Datasets the archive sent for the first page and those after it: the next page's offset. */
  received: number;
  lastPageFull: boolean;
}

/**
 * The pages after the first one of a search (QIDO-RS `offset`), loaded when the user asks. Changing
 * the search (`key`) forgets them. `fetchPage(offset, signal)` asks the PACS for one page.
 */
export function useMoreStudies(
  key: string,
  firstPage: StudyPage | undefined,
  pageSize: number,
  fetchPage: (offset: number, signal: AbortSignal) => Promise<StudyPage>,
): MoreStudies {
  const [pages, setPages] = useState<Pages>({ key, studies: [], received: 0, lastPageFull: true });
  // The search whose next page is on its way: a page asked for an older search is not "loading".
  const [loadingKey, setLoadingKey] = useState<string>();
  const loading = loadingKey === key;
  const [error, setError] = useState<{ key: string; error: PacsError }>();
  const inFlight = useRef<AbortController | undefined>(undefined);

  // A new search cancels a page on its way for the old one.
  useEffect(() => () => inFlight.current?.abort(), [key]);

  const current = pages.key === key ? pages : { key, studies: [], received: 0, lastPageFull: true };
  const firstFull = (firstPage?.received ?? 0) >= pageSize;
  const mayHaveMore = firstFull && current.lastPageFull;

  const loadMore = useCallback(() => {
    if (!firstPage || loading) return;
    const controller = new AbortController();
    inFlight.current = controller;
    const offset = firstPage.received + current.received;
    setLoadingKey(key);
    fetchPage(offset, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        // An archive that ignores `offset` sends the first page again: nothing new means no more.
        const seen = new Set([...firstPage.studies, ...current.studies].map((s) => s.studyInstanceUid));
        const fresh = page.studies.filter((study) => !seen.has(study.studyInstanceUid));
        const repeated = page.studies.length > 0 && fresh.length === 0;
        setPages({
          key,
          studies: [...current.studies, ...fresh],
          received: current.received + page.received,
          lastPageFull: page.received >= pageSize && !repeated,
        });
        setError(undefined);
        setLoadingKey(undefined);
      },
      (failure: unknown) => {
        if (controller.signal.aborted || isAbortError(failure)) return;
        setError({ key, error: toPacsError(failure) });
        setLoadingKey(undefined);
      },
    );
  }, [firstPage, loading, current.studies, current.received, fetchPage, key, pageSize]);

  return {
    studies: current.studies,
    mayHaveMore,
    loading,
    error: error?.key === key ? error.error : undefined,
    loadMore,
  };
}
