import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { ErrorDetail, PacsUnreachableBanner, StateMessage, usePacsQuery } from '../ui';
import { StudyFiltersForm } from './StudyFiltersForm';
import { StudyTable, StudyTableSkeleton } from './StudyTable';
import {
  EMPTY_FILTERS,
  describeFilters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  sortStudies,
  toStudySearch,
  type StudyFilters,
} from './studyFilters';
import { useDebouncedValue } from './useDebouncedValue';
import { useStudyListStore } from './useStudyListStore';
import './studies.css';

export interface StudyListPageProps {
  client: DicomWebClient;
  /** The most studies one search returns. */
  maxResults: number;
  /** Called when the user is about to open a study, so the viewer can be fetched ahead. */
  onOpenIntent?: () => void;
}

/** Typing pause before a search is sent. */
const SEARCH_DELAY_MS = 350;

/** `/studies`: QIDO-RS study search with the filters kept in the query string. */
export function StudyListPage({ client, maxResults, onOpenIntent }: StudyListPageProps) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterKey = filtersToParams(filters).toString();
  const searchKey = useDebouncedValue(filterKey, SEARCH_DELAY_MS);
  const remembered = useStudyListStore((state) => state.lastResult);
  const remember = useStudyListStore((state) => state.remember);

  const query = usePacsQuery(searchKey, async (signal) => {
    const search = toStudySearch(filtersFromParams(new URLSearchParams(searchKey)), new Date(), maxResults);
    const studies = sortStudies(await client.searchStudies(search, { signal }));
    remember(searchKey, studies);
    return studies;
  });

  const setFilters = useCallback(
    (next: StudyFilters) => setParams(filtersToParams(next), { replace: true }),
    [setParams],
  );
  const openStudy = useCallback(
    (study: StudySummary) =>
      navigate(`/viewer?StudyInstanceUIDs=${encodeURIComponent(study.studyInstanceUid)}`),
    [navigate],
  );

  // What to show: this search's answer, else the last good list (kept while the PACS is away).
  const studies = query.data ?? remembered?.studies;
  const current = query.isCurrent || (query.data === undefined && remembered?.key === searchKey);
  const searching = query.loading || searchKey !== filterKey;

  return (
    <section className="page study-list" aria-labelledby="study-list-title">
      <header className="page__header">
        <h1 id="study-list-title" className="page__title">
          Studies
        </h1>
        <p className="page__summary" aria-live="polite">
          {searching && studies
            ? 'Searching…'
            : studies && current
              ? summary(studies.length, maxResults)
              : ''}
        </p>
      </header>

      <StudyFiltersForm filters={filters} onChange={setFilters} onSubmit={query.retry} />

      {query.waitingForPacs && query.error ? (
        <PacsUnreachableBanner error={query.error} />
      ) : query.error ? (
        <StateMessage
          kind="error"
          title={query.error.userMessage}
          actions={
            <button type="button" className="button" onClick={query.retry}>
              Try again
            </button>
          }
        >
          <ErrorDetail detail={query.error.detail} />
        </StateMessage>
      ) : null}

      {studies && studies.length > 0 ? (
        <StudyTable studies={studies} stale={!current} onOpen={openStudy} onIntent={onOpenIntent} />
      ) : query.waitingForPacs ? (
        <StateMessage kind="info" title="Waiting for the PACS to answer…" />
      ) : query.error ? null : searching || !studies ? (
        <>
          <StateMessage kind="loading" title="Searching the PACS…" className="state-message--inline" />
          <StudyTableSkeleton />
        </>
      ) : (
        <StateMessage
          kind="empty"
          title={
            hasFilters(filters)
              ? `No studies match ${describeFilters(filters)}.`
              : 'No studies match — the PACS holds no studies yet.'
          }
          actions={
            hasFilters(filters) && (
              <button type="button" className="button" onClick={() => setFilters(EMPTY_FILTERS)}>
                Clear filters
              </button>
            )
          }
        />
      )}
    </section>
  );
}

function summary(count: number, maxResults: number): string {
  if (count >= maxResults) return `Showing the first ${maxResults} studies — narrow the search to see others`;
  return count === 1 ? '1 study' : `${count} studies`;
}
