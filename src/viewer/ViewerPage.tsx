import { Suspense, useCallback, useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDateAndTime, formatPersonName, type SeriesSummary, type StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { LazyReportViewport, reportKindOf } from '../reports';
import { ErrorDetail, PacsUnreachableBanner, PatientBanner, StateMessage } from '../ui';
import type { ViewerSettings } from './engine';
import { LazyStackViewport, prepareImageViewer } from './lazyViewport';
import { distinctPatients } from './patients';
import { SeriesBrowser, type StudySeries } from './SeriesBrowser';
import { chooseDefaultSeries, isDisplayableImage, seriesIsImages } from './seriesContent';
import { buildStack, type StackImage } from './stackOrder';
import { useSeriesMetadata, useViewerStudies, type SeriesRef } from './useViewerData';
import { parseViewerRequest, type ViewerRequest } from './viewerRequest';
import { ViewportPlaceholder } from './ViewportCard';
import type { OverlayText } from './ViewportOverlay';
import { viewportProblem, type ViewportProblem } from './viewportProblem';
import './viewer.css';

export interface ViewerPageProps {
  client: DicomWebClient;
  settings: ViewerSettings;
}

const VIEWPORT_ID = 'fovea-viewport-1';

/**
 * `/viewer?StudyInstanceUIDs=…[&SeriesInstanceUID=…]` and `/viewer/:StudyInstanceUID`. The page and its
 * searches are light and start at once; Cornerstone loads in parallel for the viewport alone.
 */
export function ViewerPage({ client, settings }: ViewerPageProps) {
  useEffect(() => prepareImageViewer(settings), [settings]);
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
  return <ViewerWorkspace client={client} settings={settings} request={parsed.request} />;
}

interface ViewerWorkspaceProps {
  client: DicomWebClient;
  settings: ViewerSettings;
  request: ViewerRequest;
}

function ViewerWorkspace({ client, settings, request }: ViewerWorkspaceProps) {
  const [, setParams] = useSearchParams();
  const studies = useViewerStudies(client, request.studyInstanceUids);
  const loaded: StudySeries[] = useMemo(
    () => (studies.isCurrent ? (studies.data ?? []) : []),
    [studies.isCurrent, studies.data],
  );
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
        client.frameUrl(
          instance.studyInstanceUid,
          instance.seriesInstanceUid,
          instance.sopInstanceUid,
          frame,
        ),
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

  const patients = distinctPatients(loaded.map((entry) => entry.study));
  const pacsError = studies.waitingForPacs
    ? studies.error
    : metadata.waitingForPacs
      ? metadata.error
      : undefined;

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
          title={
            request.studyInstanceUids.length > 1
              ? 'The PACS has none of these studies.'
              : 'The PACS has no such study.'
          }
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

  const problem = viewportProblem({
    series: selected,
    instances,
    imageCount: stack?.length,
    error: metadata.waitingForPacs ? undefined : metadata.error,
  });
  const shownSeries = selected?.seriesInstanceUid ?? target?.seriesInstanceUid;

  return (
    <div className="viewer">
      <PatientBanner study={study} />
      {patients.length > 1 && (
        <p className="viewer__patient-warning" role="alert">
          These studies belong to {patients.length} different patients: {patients.join('; ')}. The banner
          names the patient of the series on screen.
        </p>
      )}
      {pacsError && <PacsUnreachableBanner error={pacsError} />}
      <div className="viewer__body">
        <aside className="viewer__sidebar">
          {studies.isCurrent ? (
            <SeriesBrowser studies={loaded} selected={selected?.seriesInstanceUid} onSelect={selectSeries} />
          ) : (
            <StateMessage
              kind="loading"
              title="Loading series…"
              className="state-message--inline viewer__sidebar-loading"
            />
          )}
        </aside>
        <div className="viewer__stage">
          {studies.isCurrent && allSeries.length === 0 ? (
            <StateMessage kind="empty" title="This study has no series to show." />
          ) : selected && reportKindOf(selected) ? (
            // Visual fields and PDF reports have their own renderers, loaded when first needed.
            <Suspense
              fallback={
                <ViewportPlaceholder seriesInstanceUid={shownSeries} loadingText="Loading the report…" />
              }
            >
              <LazyReportViewport
                client={client}
                study={study}
                series={selected}
                studySeries={allSeries.filter((s) => s.studyInstanceUid === selected.studyInstanceUid)}
              />
            </Suspense>
          ) : (
            <ImageArea
              settings={settings}
              seriesInstanceUid={shownSeries}
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

interface ImageAreaProps {
  settings: ViewerSettings;
  seriesInstanceUid: string | undefined;
  stack: StackImage[] | undefined;
  problem: ViewportProblem | undefined;
  overlay: OverlayText;
}

/** The card, the placeholder while things load, or Cornerstone's viewport once there are images. */
function ImageArea({ settings, seriesInstanceUid, stack, problem, overlay }: ImageAreaProps) {
  if (problem || !stack || stack.length === 0 || !seriesInstanceUid) {
    return <ViewportPlaceholder seriesInstanceUid={seriesInstanceUid} problem={problem} />;
  }
  return (
    <Suspense
      fallback={
        <ViewportPlaceholder seriesInstanceUid={seriesInstanceUid} loadingText="Loading the viewer…" />
      }
    >
      <LazyStackViewport
        viewportId={VIEWPORT_ID}
        settings={settings}
        seriesInstanceUid={seriesInstanceUid}
        stack={stack}
        overlay={overlay}
      />
    </Suspense>
  );
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
