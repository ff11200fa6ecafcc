import { useEffect, useRef } from 'react';
import { startEngine, type ViewerSettings } from './engine';
import { EarlyImage, firstFrameOf, useFirstFrame } from './firstFrame';
import { offerFetchedFramesToImageLoader } from './firstFrame/imageLoaderHandOver';
import { isTextEntry, stackKeyAction } from './keyboard';
import { StackController } from './stackController';
import type { StackImage } from './stackOrder';
import { stackTools } from './lazyTools';
import type { ToolId } from './tools';
import { onViewportCommand } from './viewportCommands';
import { useSeriesProgress } from './useSeriesProgress';
import { EMPTY_DISPLAY, useViewportStore } from './useViewportStore';
import { ViewportCard, ViewportLoading } from './ViewportCard';
import { OrientationMarkers, ViewportOverlay, type OverlayText } from './ViewportOverlay';

export { startEngine };

export interface StackViewportProps {
  viewportId: string;
  settings: ViewerSettings;
  seriesInstanceUid: string;
  /** The series' images in order (at least one). */
  stack: readonly StackImage[];
  overlay: OverlayText;
  /** The viewport the keys and the toolbar act on. */
  active: boolean;
  /** The tool on the left mouse button (shared by every viewport). */
  tool: ToolId;
}

/**
 * The image area, drawn by Cornerstone (WebGL). Its element carries the state for tests and tools:
 * data-status (loading | ready | error), data-series-uid, data-image-index (0-based), data-image-count.
 */
export function StackViewport({
  viewportId,
  settings,
  seriesInstanceUid,
  stack,
  overlay,
  active,
  tool,
}: StackViewportProps) {
  const canvasHost = useRef<HTMLDivElement>(null);
  const controller = useRef<StackController | null>(null);
  const stored = useViewportStore((state) => state.viewports[viewportId]);
  const update = useViewportStore((state) => state.update);
  const remove = useViewportStore((state) => state.remove);
  const reportProgress = useSeriesProgress((state) => state.report);

  useEffect(() => {
    const element = canvasHost.current;
    if (!element) return undefined;
    startEngine(settings);
    offerFetchedFramesToImageLoader();
    const created = new StackController(
      viewportId,
      element,
      (patch) => update(viewportId, patch),
      reportProgress,
    );
    controller.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(element);
    const stopListening = onViewportCommand(viewportId, (command) => {
      if (command.kind === 'action') created.apply(command.action);
      else if (command.kind === 'window') created.setWindow(command.preset);
      else created.setCineRate(command.framesPerSecond);
    });
    return () => {
      stopListening();
      observer.disconnect();
      created.destroy();
      controller.current = null;
      remove(viewportId);
    };
  }, [viewportId, settings, update, remove, reportProgress]);

  useEffect(() => {
    // A first frame still on its way for the early drawing is waited for, so that the image loader
    // takes its bytes instead of fetching it a second time; a failed one leaves the loader to fetch.
    const early = stack[0] ? firstFrameOf(stack[0].imageId) : undefined;
    if (!early) {
      void controller.current?.show(seriesInstanceUid, stack);
      return undefined;
    }
    let current = true;
    void early.then(() => {
      if (current) void controller.current?.show(seriesInstanceUid, stack);
    });
    return () => {
      current = false;
    };
  }, [stack, seriesInstanceUid]);

  useEffect(() => stackTools.choosePrimary(tool), [tool]);

  const imageCount = stack.length;

  // The stack keys move the active viewport wherever the focus is on the page, except in a field.
  useEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        isTextEntry(event.target)
      )
        return;
      const action = stackKeyAction(event.key, imageCount);
      const current = controller.current;
      if (!action || !current) return;
      if ('scrollBy' in action) current.scroll(action.scrollBy);
      else current.jumpTo(action.jumpTo);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [imageCount, active]);

  // Values reported for the previous series do not describe the one being loaded.
  const display = stored && stored.seriesInstanceUid === seriesInstanceUid ? stored : EMPTY_DISPLAY;
  // Until Cornerstone has drawn (it reports the window it drew with), the early drawing stays on top.
  const drawn = display.window !== undefined;
  const early = useFirstFrame(drawn ? undefined : stack[0]?.imageId);

  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-status={display.status}
      data-reason={display.status === 'error' ? 'load-failed' : undefined}
      data-series-uid={seriesInstanceUid}
      data-image-index={display.imageIndex}
      data-image-count={imageCount}
      data-inverted={display.inverted}
      data-cine={display.cinePlaying ? 'playing' : 'stopped'}
      tabIndex={0}
      aria-label="Image viewport. Arrow keys, Page Up and Page Down move through the images."
      // Cornerstone's tools keep mouse-down from focusing; the keys should work after a click.
      onPointerDown={(event) => event.currentTarget.focus({ preventScroll: true })}
    >
      <div ref={canvasHost} className="viewport__canvas" />
      {early && !drawn && <EarlyImage frame={early} />}
      {display.status === 'error' ? (
        <ViewportCard
          problem={{
            reason: 'load-failed',
            message: `Image ${display.imageIndex + 1} of ${imageCount} cannot be shown. ${display.error ?? ''}`,
          }}
          hint="Other images of the series can still be viewed: scroll on."
        />
      ) : (
        <>
          <ViewportOverlay
            text={overlay}
            imageIndex={display.imageIndex}
            imageCount={imageCount}
            window={display.window}
            inverted={display.inverted}
            hasPixelSpacing={display.hasPixelSpacing}
          />
          {display.markers && <OrientationMarkers markers={display.markers} />}
        </>
      )}
      {imageCount > 1 && (
        <input
          className="viewport__slider"
          type="range"
          min={1}
          max={imageCount}
          step={1}
          value={display.imageIndex + 1}
          aria-label="Image in series"
          aria-valuetext={`Image ${display.imageIndex + 1} of ${imageCount}`}
          data-testid="image-slider"
          onChange={(event) => controller.current?.jumpTo(Number(event.currentTarget.value) - 1)}
          // The slider's own arrow keys would otherwise move the stack twice with the viewer's keys.
          onKeyDown={(event) => {
            if (stackKeyAction(event.key, imageCount)) event.stopPropagation();
          }}
        />
      )}
      {display.status === 'loading' && !drawn && !early && <ViewportLoading what="Loading image…" />}
    </div>
  );
}
