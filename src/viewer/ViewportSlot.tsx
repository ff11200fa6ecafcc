import { Suspense, useEffect, useMemo, useState, type DragEvent } from 'react';
import type { SeriesSummary, StudySummary } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { LazyReportViewport, reportKindOf } from '../reports';
import type { ViewerSettings } from './engine';
import { firstFrameOf, imageCodeMayLoad } from './firstFrame';
import { readSeriesDrag, SERIES_DRAG_TYPE } from './seriesDrag';
import { holdSeriesRetrieval, releaseEarlyHolds } from './seriesRetrieval';
import { seriesIsImages } from './seriesContent';
import type { ToolId } from './tools';
import { useSeriesMetadata, type SeriesRef } from './useViewerData';
import { earlyFrameFetched, imageStackOf } from './viewerData';
import { ViewportPlaceholder } from './ViewportCard';
import { ViewportContent } from './ViewportContent';
import type { OverlayText } from './ViewportOverlay';
import { viewportProblem } from './viewportProblem';

interface ViewportSlotProps {
  client: DicomWebClient;
  settings: ViewerSettings;
  position: number;
  viewportId: string;
  /** What the viewport is asked to show; undefined: nothing yet. */
  seriesRef: SeriesRef | undefined;
  /** The series as the series search describes it, once known. */
  series: SeriesSummary | undefined;
  /** The series' study, and every series of it (a visual field is shown beside the other eye's). */
  study: StudySummary | undefined;
  studySeries: readonly SeriesSummary[];
  overlay: OverlayText;
  active: boolean;
  tool: ToolId;
  onActivate: (position: number) => void;
  onDropSeries: (position: number, series: SeriesRef) => void;
}

/**
 * One place of the layout: fetches its series' metadata, takes series dropped from the series
 * browser, and becomes the active viewport when clicked or focused.
 */
export function ViewportSlot({
  client,
  settings,
  position,
  viewportId,
  seriesRef,
  series,
  study,
  studySeries,
  overlay,
  active,
  tool,
  onActivate,
  onDropSeries,
}: ViewportSlotProps) {
  const [dropping, setDropping] = useState(false);
  const wantsImages = series ? seriesIsImages(series) && !reportKindOf(series) : true;
  const metadata = useSeriesMetadata(client, wantsImages ? seriesRef : undefined);
  const instances = metadata.isCurrent ? metadata.data : undefined;
  const stack = useMemo(() => instances && imageStackOf(client, instances), [instances, client]);
  const problem = viewportProblem({
    series,
    instances,
    imageCount: stack?.length,
    error: metadata.waitingForPacs ? undefined : metadata.error,
  });
  const cacheBytes = settings.cacheBytes;
  const showsImages = Boolean(stack?.length) && !problem;

  // The series' images come in one answer while the viewport shows it (seriesRetrieval.ts), asked for
  // once the first image's own frame is in and the image code may load. The first viewport's series
  // on a page opened on the viewer was asked for before this viewport existed (viewerData.ts): it is
  // joined here.
  useEffect(() => {
    if (!stack || !showsImages) return undefined;
    const first = stack[0]?.imageId;
    const release = holdSeriesRetrieval({
      client,
      stack,
      cacheBytes,
      startAfter: Promise.all([(first && firstFrameOf(first)) || undefined, imageCodeMayLoad()]),
      alreadyFetched: earlyFrameFetched,
    });
    // This viewport holds what it shows: an answer started before it existed needs no other holder.
    releaseEarlyHolds();
    return release;
  }, [client, stack, showsImages, cacheBytes]);

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(SERIES_DRAG_TYPE);

  return (
    <div
      className={`viewport-slot${active ? ' viewport-slot--active' : ''}${dropping ? ' viewport-slot--drop' : ''}`}
      data-testid="viewport-slot"
      data-position={position}
      data-active={active}
      onPointerDownCapture={() => onActivate(position)}
      onFocusCapture={() => onActivate(position)}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false);
        const dropped = readSeriesDrag(event.dataTransfer);
        if (!dropped) return;
        event.preventDefault();
        onDropSeries(position, dropped);
      }}
    >
      {seriesRef && series && reportKindOf(series) ? (
        // Visual fields and PDF reports have their own renderers, loaded when first needed.
        <Suspense
          fallback={
            <ViewportPlaceholder
              seriesInstanceUid={seriesRef.seriesInstanceUid}
              loadingText="Loading the report…"
            />
          }
        >
          <LazyReportViewport client={client} study={study} series={series} studySeries={studySeries} />
        </Suspense>
      ) : seriesRef ? (
        <ViewportContent
          viewportId={viewportId}
          settings={settings}
          seriesInstanceUid={seriesRef.seriesInstanceUid}
          stack={problem ? undefined : stack}
          problem={problem}
          overlay={overlay}
          active={active}
          tool={tool}
        />
      ) : (
        <div
          className="viewport viewport--empty"
          data-testid="viewport"
          data-status="empty"
          data-series-uid=""
          data-image-index={0}
          data-image-count={0}
          tabIndex={0}
        >
          <p className="viewport__empty-text">
            Drag a series here, or click this viewport and choose a series in the list.
          </p>
        </div>
      )}
    </div>
  );
}
