import { Suspense } from 'react';
import type { ViewerSettings } from './engine';
import { LazyStackViewport } from './lazyViewport';
import type { StackImage } from './stackOrder';
import type { ToolId } from './tools';
import { ViewportPlaceholder } from './ViewportCard';
import type { OverlayText } from './ViewportOverlay';
import type { ViewportProblem } from './viewportProblem';

export interface ViewportContentProps {
  viewportId: string;
  settings: ViewerSettings;
  seriesInstanceUid: string | undefined;
  stack: StackImage[] | undefined;
  problem: ViewportProblem | undefined;
  overlay: OverlayText;
  active: boolean;
  tool: ToolId;
}

/**
 * What a viewport shows, decided in this one place: a card when the series cannot be shown as images
 * (the reason in words), the placeholder while its metadata or the image code loads, else Cornerstone's
 * stack viewport.
 */
export function ViewportContent({
  viewportId,
  settings,
  seriesInstanceUid,
  stack,
  problem,
  overlay,
  active,
  tool,
}: ViewportContentProps) {
  if (problem || !stack || stack.length === 0 || !seriesInstanceUid) {
    return <ViewportPlaceholder seriesInstanceUid={seriesInstanceUid} problem={problem} />;
  }
  return (
    <Suspense
      fallback={
        <ViewportPlaceholder
          seriesInstanceUid={seriesInstanceUid}
          loadingText="Loading the viewer…"
          earlyImageId={stack[0]?.imageId}
        />
      }
    >
      <LazyStackViewport
        viewportId={viewportId}
        settings={settings}
        seriesInstanceUid={seriesInstanceUid}
        stack={stack}
        overlay={overlay}
        active={active}
        tool={tool}
      />
    </Suspense>
  );
}
