import { useEffect, useRef } from 'react';
import { ErrorDetail, Spinner } from '../ui';
import { isTextEntry, stackKeyAction } from './keyboard';
import { StackController } from './stackController';
import type { StackImage } from './stackOrder';
import { EMPTY_DISPLAY, useViewportStore, type ViewportStatus } from './useViewportStore';
import { ViewportOverlay, type OverlayText } from './ViewportOverlay';

/** Why the viewport shows a card instead of an image. */
export interface ViewportProblem {
  /** not-an-image: the series has no images; load-failed: the images could not be fetched or read. */
  reason: 'not-an-image' | 'load-failed';
  message: string;
  detail?: string;
}

interface StackViewportProps {
  viewportId: string;
  /** The series on show (or being loaded). */
  seriesInstanceUid: string | undefined;
  /** The series' images in order; undefined while its metadata loads. */
  stack: readonly StackImage[] | undefined;
  problem: ViewportProblem | undefined;
  overlay: OverlayText;
}

/**
 * The image area. Its element carries the state for tests and tools: data-status (loading | ready |
 * error), data-series-uid, data-image-index (0-based), data-image-count.
 */
export function StackViewport({ viewportId, seriesInstanceUid, stack, problem, overlay }: StackViewportProps) {
  const canvasHost = useRef<HTMLDivElement>(null);
  const controller = useRef<StackController | null>(null);
  const stored = useViewportStore((state) => state.viewports[viewportId]);
  const update = useViewportStore((state) => state.update);
  const remove = useViewportStore((state) => state.remove);

  useEffect(() => {
    const element = canvasHost.current;
    if (!element) return undefined;
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
  }, [viewportId, update, remove]);

  useEffect(() => {
    if (stack && stack.length > 0 && seriesInstanceUid) void controller.current?.show(seriesInstanceUid, stack);
  }, [stack, seriesInstanceUid]);

  // Values reported for another series (the previous one) do not describe what is being loaded.
  const display = stored && stored.seriesInstanceUid === seriesInstanceUid && stack ? stored : EMPTY_DISPLAY;
  const status: ViewportStatus = problem ? 'error' : display.status;
  const imageCount = stack?.length ?? 0;

  // The viewer's keys work wherever the focus is on the page, except in a field.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
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

  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-status={status}
      data-reason={problem?.reason}
      data-series-uid={seriesInstanceUid ?? ''}
      data-image-index={display.imageIndex}
      data-image-count={imageCount}
      tabIndex={0}
      aria-label="Image viewport. Arrow keys, Page Up and Page Down move through the images."
      // Cornerstone's tools keep mouse-down from focusing; the keys should work after a click.
      onPointerDown={(event) => event.currentTarget.focus({ preventScroll: true })}
    >
      <div ref={canvasHost} className="viewport__canvas" />
      {!problem && stack && display.status !== 'error' && (
        <ViewportOverlay text={overlay} imageIndex={display.imageIndex} imageCount={imageCount} window={display.window} />
      )}
      {problem ? (
        <ViewportCard problem={problem} />
      ) : display.status === 'error' ? (
        <ViewportCard
          problem={{
            reason: 'load-failed',
            message: `Image ${display.imageIndex + 1} of ${imageCount} cannot be shown. ${display.error ?? ''}`,
          }}
          hint="Other images of the series can still be viewed: scroll on."
        />
      ) : (
        (!stack || (display.status === 'loading' && display.window === undefined)) && (
          <div className="viewport__loading" role="status">
            <Spinner />
            <span>{stack ? 'Loading image…' : 'Loading series…'}</span>
          </div>
        )
      )}
    </div>
  );
}

function ViewportCard({ problem, hint }: { problem: ViewportProblem; hint?: string }) {
  return (
    <div className={`viewport-card viewport-card--${problem.reason}`} data-testid="viewport-message" role="status">
      <p className="viewport-card__message">{problem.message}</p>
      {hint && <p className="viewport-card__hint">{hint}</p>}
      <ErrorDetail detail={problem.detail} />
    </div>
  );
}
