import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatDate, toDicomDate } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { FailureMessage, StateMessage, StatusBanner } from '../ui';
import { useWorklistData } from './useWorklistData';
import { useWorklistStore } from './useWorklistStore';
import { WorklistFiltersBar } from './WorklistFiltersBar';
import { WorklistTable } from './WorklistTable';
import {
  EMPTY_WORKLIST_FILTERS,
  countByStatus,
  filterRows,
  hasWorklistFilters,
  optionsOf,
  worklistFiltersFromParams,
  worklistParams,
  type WorklistFilters,
  type WorklistRow,
} from './worklistFilters';
import './worklist.css';

export interface WorklistPageProps {
  client: DicomWebClient;
  /** How often the worklist is asked again for new orders. */
  pollIntervalSeconds: number;
  /** Called when the user is about to open a study, so the viewer can be fetched ahead. */
  onOpenIntent?: () => void;
}

const isoToDa = (iso: string | null) =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replaceAll('-', '') : undefined;
const clock = (time: number) => new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** `/`: the day's scheduled procedures and whether their results have arrived, live. */
export function WorklistPage({ client, pollIntervalSeconds, onOpenIntent }: WorklistPageProps) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const today = toDicomDate(new Date());
  const date = isoToDa(params.get('date')) ?? today;
  const filters = useMemo(() => worklistFiltersFromParams(params), [params]);
  const [selectedUid, setSelectedUid] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const live = useWorklistStore((state) => state.live);

  const data = useWorklistData(client, '/api/events', date, pollIntervalSeconds);

  const setFilters = useCallback(
    (next: WorklistFilters, nextDate = date) =>
      setParams(worklistParams(nextDate === today ? undefined : formatDate(nextDate), next), {
        replace: true,
      }),
    [setParams, date, today],
  );

  // Typing stays responsive with thousands of rows: the list filters behind the keystrokes.
  const deferredFilters = useDeferredValue(filters);
  const rows = data.rows;
  const shown = useMemo(() => (rows ? filterRows(rows, deferredFilters) : []), [rows, deferredFilters]);
  const counts = useMemo(
    () => (rows ? countByStatus(rows, deferredFilters) : undefined),
    [rows, deferredFilters],
  );
  const modalities = useMemo(() => optionsOf(rows ?? [], (row) => row.procedure.modality), [rows]);
  const stations = useMemo(() => optionsOf(rows ?? [], (row) => row.procedure.station), [rows]);

  const open = useCallback(
    (row: WorklistRow) => {
      const uids = row.status.studyInstanceUids;
      if (uids.length === 0) {
        setNotice(
          `No images or reports have arrived yet for ${row.procedure.accessionNumber ?? 'this order'}.`,
        );
        return;
      }
      onOpenIntent?.();
      navigate(`/viewer?StudyInstanceUIDs=${uids.map(encodeURIComponent).join(',')}`);
    },
    [navigate, onOpenIntent],
  );
  const select = useCallback((row: WorklistRow) => {
    setSelectedUid(row.procedure.workitemUid);
    setNotice(undefined);
  }, []);

  if (!client.upsRoot) {
    return (
      <section className="page worklist" aria-labelledby="worklist-title">
        <h1 id="worklist-title" className="page__title">
          Worklist
        </h1>
        <StateMessage kind="info" title="No worklist is configured for this site.">
          <p>
            Set dicomweb.upsRoot in config.json to the UPS-RS root of the worklist (the gateway serves one at
            /dicom-web).
          </p>
        </StateMessage>
      </section>
    );
  }

  return (
    <section className="page worklist" aria-labelledby="worklist-title">
      <header className="page__header">
        <h1 id="worklist-title" className="page__title">
          Worklist
        </h1>
        <p className="page__summary" aria-live="polite">
          {rows ? summary(rows.length, shown.length, date, today) : ''}
        </p>
        <LiveIndicator state={live.state} detail={live.detail} pollIntervalSeconds={pollIntervalSeconds} />
      </header>

      <WorklistFiltersBar
        date={date}
        filters={filters}
        modalities={modalities}
        stations={stations}
        counts={counts}
        onChange={setFilters}
      />

      {data.worklistError && (
        <StatusBanner
          message={
            data.retrying
              ? 'Worklist unavailable — retrying'
              : `Worklist unavailable — ${data.worklistError.userMessage}`
          }
          detail={data.worklistError.detail}
        >
          {rows && data.receivedAt
            ? `Showing the list as it was at ${clock(data.receivedAt)}; new orders will appear once it answers.`
            : undefined}
        </StatusBanner>
      )}
      {data.statusError && !data.worklistError && (
        <StatusBanner
          message="Result status may be out of date — the PACS did not answer"
          detail={data.statusError.detail}
        />
      )}
      {notice && (
        <p className="worklist__notice" role="status">
          {notice}
        </p>
      )}

      {rows && shown.length > 0 ? (
        <WorklistTable
          rows={shown}
          selectedUid={selectedUid}
          onSelect={select}
          onOpen={open}
          stale={Boolean(data.worklistError)}
        />
      ) : rows ? (
        <StateMessage
          kind="empty"
          title={
            rows.length === 0
              ? `No procedures are scheduled for ${formatDate(date)}.`
              : 'No procedures match these filters.'
          }
          actions={
            hasWorklistFilters(filters) && (
              <button type="button" className="button" onClick={() => setFilters(EMPTY_WORKLIST_FILTERS)}>
                Clear filters
              </button>
            )
          }
        />
      ) : data.worklistError && !data.retrying ? (
        <FailureMessage error={data.worklistError} onRetry={data.retry} />
      ) : data.worklistError ? (
        <StateMessage kind="info" title="Waiting for the worklist to answer…" />
      ) : (
        <StateMessage kind="loading" title="Loading the worklist…" />
      )}
    </section>
  );
}

function summary(total: number, shown: number, date: string, today: string): string {
  const day = date === today ? 'today' : formatDate(date);
  const procedures = total === 1 ? '1 procedure' : `${total} procedures`;
  return shown === total ? `${procedures} ${day}` : `${shown} of ${procedures} ${day}`;
}

function LiveIndicator({
  state,
  detail,
  pollIntervalSeconds,
}: {
  state: ReturnType<typeof useWorklistStore.getState>['live']['state'];
  detail: string | undefined;
  pollIntervalSeconds: number;
}) {
  const text = {
    connecting: 'Connecting…',
    live: 'Live',
    offline: 'Offline — reconnecting',
    unsupported: `Results checked every ${pollIntervalSeconds} s`,
  }[state];
  return (
    <p className={`live-indicator live-indicator--${state}`} role="status" title={detail}>
      {text}
    </p>
  );
}
