import { ErrorDetail, Spinner } from '../ui';
import { EarlyImage, useFirstFrame } from './firstFrame';
import type { ViewportProblem } from './viewportProblem';

/** A message in place of the image: why there is none, or why this one cannot be shown. */
export function ViewportCard({ problem, hint }: { problem: ViewportProblem; hint?: string }) {
  return (
    <div
      className={`viewport-card viewport-card--${problem.reason}`}
      data-testid="viewport-message"
      role="status"
    >
      <p className="viewport-card__message">{problem.message}</p>
      {hint && <p className="viewport-card__hint">{hint}</p>}
      <ErrorDetail detail={problem.detail} />
    </div>
  );
}

export function ViewportLoading({ what }: { what: string }) {
  return (
    <div className="viewport__loading" role="status">
      <Spinner />
      <span>{what}</span>
    </div>
  );
}

interface ViewportPlaceholderProps {
  seriesInstanceUid: string | undefined;
  /** Shown instead of images; without one, the placeholder says the series is loading. */
  problem?: ViewportProblem;
  loadingText?: string;
  /** The series' first image, drawn early (firstFrame/) when it has been fetched for that. */
  earlyImageId?: string;
}

/**
 * The viewport before (or without) Cornerstone: while its code or the series' metadata loads, and for
 * series that hold no images. Carries the same test hooks as the live viewport.
 */
export function ViewportPlaceholder({
  seriesInstanceUid,
  problem,
  loadingText = 'Loading series…',
  earlyImageId,
}: ViewportPlaceholderProps) {
  const early = useFirstFrame(problem ? undefined : earlyImageId);
  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-status={problem ? 'error' : 'loading'}
      data-reason={problem?.reason}
      data-series-uid={seriesInstanceUid ?? ''}
      data-image-index={0}
      data-image-count={0}
    >
      {problem ? (
        <ViewportCard problem={problem} />
      ) : early ? (
        <EarlyImage frame={early} />
      ) : (
        <ViewportLoading what={loadingText} />
      )}
    </div>
  );
}
