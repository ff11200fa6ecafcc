import { useEffect, useRef } from 'react';
import { startEngine, type ViewerSettings } from './engine';

export { startEngine };
import { isTextEntry, stackKeyAction } from './keyboard';
import { StackController } from './stackController';
import type { StackImage } from './stackOrder';
import { EMPTY_DISPLAY, useViewportStore } from './useViewportStore';
import { ViewportCard, ViewportLoading } from './ViewportCard';
import { ViewportOverlay, type OverlayText } from './ViewportOverlay';

export interface StackViewportProps {
  viewportId: string;
  settings: ViewerSettings;
  seriesInstanceUid: string;
  /** The series' images in order (at least one). */
  stack: readonly StackImage[];
  overlay: OverlayText;
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
}: StackViewportProps) {
  const canvasHost = useRef<HTMLDivElement>(null);
  const controller = useRef<StackController | null>(null);
  const stored = useViewportStore((state) => state.viewports[viewportId]);
  const update = useViewportStore((state) => state.update);
  const remove = useViewportStore((state) => state.remove);

  useEffect(() => {
    const element = canvasHost.current;
    if (!element) return undefined;
    startEngine(settings);
    const created = new StackController(viewportId, element, (patch) => update(viewportId, patch));
    controller.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.destroy();
      controller.current = null;
      remove(viewportId);
    };
  }, [viewportId, settings, update, remove]);

  useEffect(() => {
    void controller.current?.show(seriesInstanceUid, stack);
  }, [stack, seriesInstanceUid]);

  const imageCount = stack.length;

  // The viewer's keys work wherever the focus is on the page, except in a field.
  useEffect(() => {
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
      const active = controller.current;
      if (!action || !active) return;
      if ('scrollBy' in action) active.scroll(action.scrollBy);
      else active.jumpTo(action.jumpTo);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [imageCount]);

  // Values reported for the previous series do not describe the one being loaded.
  const display = stored && stored.seriesInstanceUid === seriesInstanceUid ? stored : EMPTY_DISPLAY;

  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-status={display.status}
      data-reason={display.status === 'error' ? 'load-failed' : undefined}
      data-series-uid={seriesInstanceUid}
      data-image-index={display.imageIndex}
      data-image-count={imageCount}
      tabIndex={0}
      aria-label="Image viewport. Arrow keys, Page Up and Page Down move through the images."
      // Cornerstone's tools keep mouse-down from focusing; the keys should work after a click.
      onPointerDown={(event) => event.currentTarget.focus({ preventScroll: true })}
    >
      <div ref={canvasHost} className="viewport__canvas" />
      {display.status === 'error' ? (
        <ViewportCard
          problem={{
            reason: 'load-failed',
            message: `Image ${display.imageIndex + 1} of ${imageCount} cannot be shown. ${display.error ?? ''}`,
          }}
          hint="Other images of the series can still be viewed: scroll on."
        />
      ) : (
        <ViewportOverlay
          text={overlay}
          imageIndex={display.imageIndex}
          imageCount={imageCount}
          window={display.window}
        />
      )}
      {display.status === 'loading' && display.window === undefined && (
        <ViewportLoading what="Loading image…" />
      )}
    </div>
  );
}
