import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDateAndTime, formatPersonName, type SeriesSummary, type StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { ErrorDetail, PacsUnreachableBanner, PatientBanner, StateMessage } from '../ui';
import { startEngine, type ViewerSettings } from './engine';
import { SeriesBrowser, type StudySeries } from './SeriesBrowser';
import { chooseDefaultSeries, isDisplayableImage, seriesIsImages, whyNotImages } from './seriesContent';
import { buildStack } from './stackOrder';
import { StackViewport, type ViewportProblem } from './StackViewport';
import { useSeriesMetadata, useViewerStudies, type SeriesRef } from './useViewerData';
import { parseViewerRequest, type ViewerRequest } from './viewerRequest';
import type { OverlayText } from './ViewportOverlay';
import './viewer.css';

export interface ViewerPageProps {
  client: DicomWebClient;
  settings: ViewerSettings;
}

const VIEWPORT_ID = 'fovea-viewport-1';

/** `/viewer?StudyInstanceUIDs=…[&SeriesInstanceUID=…]` and `/viewer/:StudyInstanceUID`. */
export function ViewerPage({ client, settings }: ViewerPageProps) {
  // Started while the first searches are on their way; WebGL and the decoders take a moment.
  useState(() => startEngine(settings));
  const { StudyInstanceUID } = useParams();
  const [params] = useSearchParams();
  const parsed = parseViewerRequest(StudyInstanceUID, params);
  if (!parsed.ok) {
    return (
      <div className="page page--centered">
        <StateMessage
          kind="error"
          title={parsed.message}
          actions={
            <Link className="button button--primary" to="/studies">
              Go to the study list
            </Link>
          }
        />
      </div>
    );
  }
  return <ViewerWorkspace client={client} request={parsed.request} />;
}

function ViewerWorkspace({ client, request }: { client: DicomWebClient; request: ViewerRequest }) {
  const [, setParams] = useSearchParams();
  const studies = useViewerStudies(client, request.studyInstanceUids);
  const loaded: StudySeries[] = useMemo(() => (studies.isCurrent ? (studies.data ?? []) : []), [studies.isCurrent, studies.data]);
  const allSeries = useMemo(() => loaded.flatMap((entry) => entry.series), [loaded]);
  const selected = chooseDefaultSeries(allSeries, request.seriesInstanceUid);

  // The series asked for in the address can be fetched before the series list arrives.
  const target: SeriesRef | undefined = selected
    ? { studyInstanceUid: selected.studyInstanceUid, seriesInstanceUid: selected.seriesInstanceUid }
    : request.seriesInstanceUid && request.studyInstanceUids.length === 1 && !studies.isCurrent
      ? { studyInstanceUid: request.studyInstanceUids[0]!, seriesInstanceUid: request.seriesInstanceUid }
      : undefined;
  const wantsImages = selected ? seriesIsImages(selected) : true;
  const metadata = useSeriesMetadata(client, wantsImages ? target : undefined);

  const instances = metadata.isCurrent ? metadata.data : undefined;
  const stack = useMemo(
    () =>
      instances &&
      buildStack(instances.filter(isDisplayableImage), (instance, frame) =>
        client.frameUrl(instance.studyInstanceUid, instance.seriesInstanceUid, instance.sopInstanceUid, frame),
      ),
    [instances, client],
  );

  const selectSeries = useCallback(
    (series: SeriesSummary) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('SeriesInstanceUID', series.seriesInstanceUid);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const study: StudySummary | undefined =
    loaded.find((entry) => entry.studyInstanceUid === selected?.studyInstanceUid)?.study ??
    loaded.find((entry) => entry.study)?.study;

  const pacsError = studies.waitingForPacs ? studies.error : metadata.waitingForPacs ? metadata.error : undefined;

  if (studies.error && !studies.waitingForPacs) {
    return (
      <div className="page page--centered">
        <StateMessage
          kind="error"
          title={studies.error.userMessage}
          actions={
            <button type="button" className="button" onClick={studies.retry}>
              Try again
            </button>
          }
        >
          <ErrorDetail detail={studies.error.detail} />
        </StateMessage>
      </div>
    );
  }

  if (studies.isCurrent && loaded.every((entry) => !entry.study && entry.series.length === 0)) {
    const uids = request.studyInstanceUids.join(', ');
    return (
      <div className="page page--centered">
        <StateMessage
          kind="error"
          title={request.studyInstanceUids.length > 1 ? 'The PACS has none of these studies.' : 'The PACS has no such study.'}
          actions={
            <Link className="button button--primary" to="/studies">
              Go to the study list
            </Link>
          }
        >
          <p className="muted">
            Study Instance UID: <code>{uids}</code>
          </p>
        </StateMessage>
      </div>
    );
  }

  const problem = viewportProblem(selected, stack, instances, metadata.error, metadata.waitingForPacs);

  return (
    <div className="viewer">
      <PatientBanner study={study} />
      {pacsError && <PacsUnreachableBanner error={pacsError} />}
      <div className="viewer__body">
        <aside className="viewer__sidebar">
          {studies.isCurrent ? (
            <SeriesBrowser studies={loaded} selected={selected?.seriesInstanceUid} onSelect={selectSeries} />
          ) : (
            <StateMessage kind="loading" title="Loading series…" className="state-message--inline viewer__sidebar-loading" />
          )}
        </aside>
        <div className="viewer__stage">
          {studies.isCurrent && allSeries.length === 0 ? (
            <StateMessage kind="empty" title="This study has no series to show." />
          ) : (
            <StackViewport
              viewportId={VIEWPORT_ID}
              seriesInstanceUid={selected?.seriesInstanceUid ?? target?.seriesInstanceUid}
              stack={problem ? undefined : stack}
              problem={problem}
              overlay={overlayText(study, selected)}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function viewportProblem(
  selected: SeriesSummary | undefined,
  stack: readonly unknown[] | undefined,
  instances: ReadonlyArray<{ sopClassUid?: string }> | undefined,
  error: { userMessage: string; detail: string } | undefined,
  waitingForPacs: boolean,
): ViewportProblem | undefined {
  if (selected && !seriesIsImages(selected)) {
    return {
      reason: 'not-an-image',
      message: whyNotImages(selected.sopClassUid, selected.modality, selected.numberOfInstances ?? 1),
    };
  }
  if (error && !waitingForPacs) {
    return { reason: 'load-failed', message: `The series could not be loaded: ${error.userMessage}.`, detail: error.detail };
  }
  if (stack && stack.length === 0) {
    const sopClassUid = instances?.[0]?.sopClassUid ?? selected?.sopClassUid;
    return {
      reason: 'not-an-image',
      message: instances?.length
        ? whyNotImages(sopClassUid, selected?.modality, instances.length)
        : 'This series has no instances in the PACS.',
    };
  }
  return undefined;
}

function overlayText(study: StudySummary | undefined, series: SeriesSummary | undefined): OverlayText {
  return {
    patientName: study ? formatPersonName(study.patient.name) : '',
    patientId: study?.patient.id ?? '',
    studyDate: formatDateAndTime(study?.studyDate, study?.studyTime),
    seriesDescription: series?.description ?? '',
    seriesNumber: series?.seriesNumber === undefined ? '' : String(series.seriesNumber),
    modality: series?.modality ?? '',
  };
}
