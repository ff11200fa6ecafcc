import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useShallow } from 'zustand/react/shallow';
import { formatDateAndTime, formatPersonName, type SeriesSummary, type StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { drawPdfThumbnail, reportKindOf } from '../reports';
import { ErrorDetail, PacsUnreachableBanner, PatientBanner, StateMessage } from '../ui';
import type { ViewerSettings } from './engine';
import { HelpDialog } from './HelpDialog';
import { layoutOf, viewportCount, type LayoutId } from './layout';
import { prepareImageViewer } from './lazyViewport';
import { distinctPatients } from './patients';
import { SeriesBrowser, type LoadThumbnail, type StudySeries } from './SeriesBrowser';
import { chooseDefaultSeries, seriesIsImages } from './seriesContent';
import type { ShortcutCommand, ViewportAction } from './tools';
import { usePriorStudies, useViewerStudies, type SeriesRef } from './useViewerData';
import { releaseEarlyHolds } from './seriesRetrieval';
import { prefetchDefaultSeries } from './viewerData';
import type { ImageViewport } from './seriesThumbnail';
import { usePreviewGate } from './usePreviewGate';
import { useViewerShortcuts } from './useViewerShortcuts';
import { useRenderingStore } from './useRenderingStore';
import { useViewerStore, viewportIdAt } from './useViewerStore';
import { useViewportStore, type ToolbarDisplay } from './useViewportStore';
import { parseViewerRequest, type ViewerRequest } from './viewerRequest';
import { ViewerToolbar } from './ViewerToolbar';
import { sendViewportCommand } from './viewportCommands';
import type { OverlayText } from './ViewportOverlay';
import { ViewportSlot } from './ViewportSlot';
import './viewerLayout.css';
import './viewer.css';

export interface ViewerPageProps {
  client: DicomWebClient;
  settings: ViewerSettings;
}

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

const THUMBNAIL_SIZE = 96;

const refOf = (series: SeriesSummary): SeriesRef => ({
  studyInstanceUid: series.studyInstanceUid,
  seriesInstanceUid: series.seriesInstanceUid,
});

function ViewerWorkspace({ client, settings, request }: ViewerWorkspaceProps) {
  const [, setParams] = useSearchParams();
  // The first viewport's series is known once the series have arrived: its metadata is asked for in
  // the same moment, before the page renders them (the image code may be evaluated in between).
  // Its first image is fetched and drawn by the page itself while the image code loads.
  const studies = useViewerStudies(client, request.studyInstanceUids, (arrived) => {
    if (!useViewerStore.getState().viewports[0])
      prefetchDefaultSeries(arrived, client, settings.cacheBytes, request.seriesInstanceUid);
  });
  const renderer = useRenderingStore((state) => state.choice);
  const loaded: StudySeries[] = useMemo(
    () => (studies.isCurrent ? (studies.data ?? []) : []),
    [studies.isCurrent, studies.data],
  );
  const allSeries = useMemo(() => loaded.flatMap((entry) => entry.series), [loaded]);

  const layout = useViewerStore((state) => state.layout);
  const assigned = useViewerStore((state) => state.viewports);
  const activeViewport = useViewerStore((state) => state.activeViewport);
  const tool = useViewerStore((state) => state.tool);
  const { setLayout, showSeries, keepSeries, activate, setTool, reset } = useViewerStore.getState();
  const [helpOpen, setHelpOpen] = useState(false);

  // A new viewer page starts from one viewport, the window/level tool and nothing assigned.
  useEffect(() => reset, [reset]);
  // Leaving the viewer before a viewport held the series' answer started for it stops that answer.
  useEffect(() => releaseEarlyHolds, []);

  // The first viewport shows the series asked for in the address (fetched before the series list
  // arrives when the address names it), else the main image series.
  const defaultSeries = chooseDefaultSeries(allSeries, request.seriesInstanceUid);
  const firstViewport: SeriesRef | undefined =
    assigned[0] ??
    (defaultSeries
      ? refOf(defaultSeries)
      : request.seriesInstanceUid && request.studyInstanceUids.length === 1 && !studies.isCurrent
        ? { studyInstanceUid: request.studyInstanceUids[0]!, seriesInstanceUid: request.seriesInstanceUid }
        : undefined);
  const count = viewportCount(layout);
  const viewports = Array.from({ length: count }, (_, i) => (i === 0 ? firstViewport : assigned[i]));
  const seriesOf = (ref: SeriesRef | undefined) =>
    ref ? allSeries.find((s) => s.seriesInstanceUid === ref.seriesInstanceUid) : undefined;
  const studyOf = (ref: SeriesRef | undefined): StudySummary | undefined =>
    loaded.find((entry) => entry.studyInstanceUid === ref?.studyInstanceUid)?.study;

  const imageViewports: ImageViewport[] | undefined = studies.isCurrent
    ? viewports.flatMap((ref, position) => {
        const series = seriesOf(ref);
        return series && seriesIsImages(series) && !reportKindOf(series)
          ? [{ viewportId: viewportIdAt(position), seriesInstanceUid: series.seriesInstanceUid }]
          : [];
      })
    : undefined;
  const mayLoad = usePreviewGate(imageViewports);

  const activeRef = viewports[activeViewport];
  const activeId = viewportIdAt(activeViewport);
  // Only what the toolbar shows: the page does not re-render for every image scrolled to.
  const activeDisplay = useViewportStore(
    useShallow((state): ToolbarDisplay | undefined => {
      const display = state.viewports[activeId];
      if (!display) return undefined;
      const { seriesInstanceUid, imageCount, presets, inverted, cinePlaying, cineRate } = display;
      return { seriesInstanceUid, imageCount, presets, inverted, cinePlaying, cineRate };
    }),
  );
  const activeHasImages =
    activeDisplay !== undefined && activeDisplay.seriesInstanceUid === activeRef?.seriesInstanceUid;

  const showInViewport = useCallback(
    (position: number, ref: SeriesRef) => {
      showSeries(position, ref);
      // The address names the first viewport's series, so that a reload or a shared link shows it.
      if (position === 0)
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            next.set('SeriesInstanceUID', ref.seriesInstanceUid);
            return next;
          },
          { replace: true },
        );
    },
    [showSeries, setParams],
  );

  const openStudy = (studyInstanceUid: string) => {
    // The series list reloads with the added study; the first viewport keeps its series meanwhile.
    if (firstViewport) keepSeries(0, firstViewport);
    setParams((current) => {
      const next = new URLSearchParams(current);
      const uids = [...request.studyInstanceUids, studyInstanceUid];
      next.set('StudyInstanceUIDs', [...new Set(uids)].join(','));
      return next;
    });
  };

  const loadThumbnail: LoadThumbnail = useCallback(
    (series, kind, box, signal) =>
      kind === 'pdf'
        ? drawPdfThumbnail(client, series, box, signal)
        : client.retrieveSeriesThumbnail(series.studyInstanceUid, series.seriesInstanceUid, THUMBNAIL_SIZE, {
            signal,
          }),
    [client],
  );

  const candidates = useMemo(() => allSeries.filter(seriesIsImages).map(refOf), [allSeries]);
  const changeLayout = (next: LayoutId) => {
    // Keep the first viewport's series (possibly the default one) when the others are filled in.
    if (firstViewport) keepSeries(0, firstViewport);
    setLayout(next, candidates);
  };

  const runAction = (action: ViewportAction) => sendViewportCommand(activeId, { kind: 'action', action });
  const runShortcut = (command: ShortcutCommand) => {
    if ('help' in command) setHelpOpen(true);
    else if ('tool' in command) setTool(command.tool);
    else if ('action' in command) runAction(command.action);
    else {
      const preset = activeHasImages ? activeDisplay.presets[command.preset] : undefined;
      if (preset) sendViewportCommand(activeId, { kind: 'window', preset });
    }
  };
  useViewerShortcuts(true, runShortcut);

  const study: StudySummary | undefined = studyOf(activeRef) ?? loaded.find((entry) => entry.study)?.study;
  const patients = distinctPatients(loaded.map((entry) => entry.study));
  const priors = usePriorStudies(
    client,
    mayLoad.previews ? study?.patient.id || undefined : undefined,
    request.studyInstanceUids,
  );
  const pacsError = studies.waitingForPacs ? studies.error : undefined;

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

  const { columns, rows } = layoutOf(layout);

  return (
    <div className="viewer" data-renderer={renderer?.renderer} data-renderer-reason={renderer?.reason}>
      <PatientBanner study={study} />
      {patients.length > 1 && (
        <p className="viewer__patient-warning" role="alert">
          These studies belong to {patients.length} different patients: {patients.join('; ')}. The banner
          names the patient of the series in the active viewport.
        </p>
      )}
      {pacsError && <PacsUnreachableBanner error={pacsError} />}
      {renderer?.renderer === 'cpu' && renderer.reason !== 'software-webgl' && (
        // Drawn as WebGL would draw it; said because it was not the browser's or the reader's choice.
        // Where WebGL is only emulated on the CPU, the viewer's own choice needs no word.
        <p className="viewer__notice" role="status" data-testid="cpu-rendering-notice">
          {renderer.reason === 'no-webgl'
            ? 'No WebGL in this browser: images are drawn by the CPU.'
            : 'Images are drawn by the CPU (set by the administrator).'}
        </p>
      )}
      <div className="viewer__body">
        <aside className="viewer__sidebar">
          {studies.isCurrent ? (
            <SeriesBrowser
              studies={loaded}
              selected={activeRef?.seriesInstanceUid}
              shown={viewports.flatMap((ref) => (ref ? [ref.seriesInstanceUid] : []))}
              onSelect={(series) => showInViewport(activeViewport, refOf(series))}
              loadThumbnail={loadThumbnail}
              previewsMayLoad={mayLoad.previews}
              documentsMayLoad={mayLoad.documents}
              priors={priors}
              onOpenStudy={openStudy}
            />
          ) : (
            <StateMessage
              kind="loading"
              title="Loading series…"
              className="state-message--inline viewer__sidebar-loading"
            />
          )}
        </aside>
        <div className="viewer__main">
          <ViewerToolbar
            tool={tool}
            onTool={setTool}
            active={activeHasImages ? activeDisplay : undefined}
            onAction={runAction}
            onPreset={(preset) => sendViewportCommand(activeId, { kind: 'window', preset })}
            onCineRate={(framesPerSecond) =>
              sendViewportCommand(activeId, { kind: 'cineRate', framesPerSecond })
            }
            layout={layout}
            onLayout={changeLayout}
            onHelp={() => setHelpOpen(true)}
          />
          <div className="viewer__stage">
            {studies.isCurrent && allSeries.length === 0 ? (
              <StateMessage kind="empty" title="This study has no series to show." />
            ) : (
              <div
                className="viewport-grid"
                data-testid="viewport-grid"
                data-layout={layout}
                style={{
                  gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                  gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
                }}
              >
                {viewports.map((ref, position) => (
                  <ViewportSlot
                    key={position}
                    client={client}
                    settings={settings}
                    position={position}
                    viewportId={viewportIdAt(position)}
                    seriesRef={ref}
                    series={seriesOf(ref)}
                    study={studyOf(ref) ?? study}
                    studySeries={
                      ref ? allSeries.filter((s) => s.studyInstanceUid === ref.studyInstanceUid) : []
                    }
                    overlay={overlayText(studyOf(ref) ?? study, seriesOf(ref))}
                    active={count > 1 ? position === activeViewport : true}
                    tool={tool}
                    onActivate={activate}
                    onDropSeries={showInViewport}
                  />
                ))}
              </div>
            )}
          </div>
        </div>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
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
