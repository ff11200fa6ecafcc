import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { FailureMessage, PacsUnreachableBanner, StateMessage, usePacsQuery } from '../ui';
import { StudyFiltersForm } from './StudyFiltersForm';
import { StudyTable, StudyTableSkeleton } from './StudyTable';
import {
  EMPTY_FILTERS,
  describeFilters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  toStudySearch,
  type StudyFilters,
} from './studyFilters';
import {
  isDefaultSort,
  nextSort,
  sortFromParam,
  sortStudies,
  sortToParam,
  type StudySortKey,
} from './studySort';
import { useDebouncedValue } from './useDebouncedValue';
import { useMoreStudies } from './useMoreStudies';
import { useStudyListStore } from './useStudyListStore';
import './studies.css';

export interface StudyListPageProps {
  client: DicomWebClient;
  /** Studies per QIDO-RS request; the next page is asked for with `offset`. */
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

  const sort = useMemo(() => sortFromParam(params.get(SORT_PARAM)), [params]);

  const fetchPage = useCallback(
    (offset: number, signal: AbortSignal) =>
      client.searchStudyPage(
        toStudySearch(filtersFromParams(new URLSearchParams(searchKey)), new Date(), maxResults, offset),
        { signal },
      ),
    [client, searchKey, maxResults],
  );
  const query = usePacsQuery(searchKey, async (signal) => {
    const page = await fetchPage(0, signal);
    remember(searchKey, page);
    return page;
  });

  /** The query string of the page: the filters, and the sort when it is not the default. */
  const setFilters = useCallback(
    (next: StudyFilters) => {
      const nextParams = filtersToParams(next);
      if (!isDefaultSort(sort)) nextParams.set(SORT_PARAM, sortToParam(sort));
      setParams(nextParams, { replace: true });
    },
    [setParams, sort],
  );
  const setSort = useCallback(
    (key: StudySortKey) => {
      const nextParams = filtersToParams(filters);
      const next = nextSort(sort, key);
      if (!isDefaultSort(next)) nextParams.set(SORT_PARAM, sortToParam(next));
      setParams(nextParams, { replace: true });
    },
    [setParams, filters, sort],
  );
  const openStudy = useCallback(
    (study: StudySummary) =>
      navigate(`/viewer?StudyInstanceUIDs=${encodeURIComponent(study.studyInstanceUid)}`),
    [navigate],
  );

  // What to show: this search's answer, else the last good list (kept while the PACS is away).
  const firstPage = query.data ?? remembered?.page;
  const current = query.isCurrent || (query.data === undefined && remembered?.key === searchKey);
  const searching = query.loading || searchKey !== filterKey;
  const more = useMoreStudies(searchKey, current ? firstPage : undefined, maxResults, fetchPage);
  const studies = useMemo(
    () =>
      firstPage
        ? sortStudies(current ? [...firstPage.studies, ...more.studies] : firstPage.studies, sort)
        : undefined,
    [firstPage, more.studies, current, sort],
  );

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
              ? summary(studies.length, more.mayHaveMore)
              : ''}
        </p>
      </header>

      <StudyFiltersForm filters={filters} onChange={setFilters} onSubmit={query.retry} />

      {query.waitingForPacs && query.error ? (
        <PacsUnreachableBanner error={query.error} />
      ) : query.error ? (
        <FailureMessage error={query.error} onRetry={query.retry} />
      ) : null}

      {studies && studies.length > 0 ? (
        <StudyTable
          studies={studies}
          stale={!current}
          sort={sort}
          onSort={setSort}
          onOpen={openStudy}
          onIntent={onOpenIntent}
          footer={
            current && (more.mayHaveMore || more.error) ? (
              <div className="study-table__more">
                {more.error && <span className="study-table__more-error">{more.error.userMessage}</span>}
                <button type="button" className="button" disabled={more.loading} onClick={more.loadMore}>
                  {more.loading
                    ? 'Loading more studies…'
                    : more.error
                      ? 'Try again'
                      : `Show the next ${maxResults} studies`}
                </button>
              </div>
            ) : undefined
          }
        />
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

const SORT_PARAM = 'sort';

function summary(count: number, mayHaveMore: boolean): string {
  if (mayHaveMore) return `Showing the first ${count} studies — more below, or narrow the search`;
  return count === 1 ? '1 study' : `${count} studies`;
}
