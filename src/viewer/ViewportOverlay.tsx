import type { EdgeMarkers } from './orientation';
import { formatWindow, type DisplayWindow } from './windowLevel';

/** Text that stays the same while scrolling a series. */
export interface OverlayText {
  patientName: string;
  patientId: string;
  studyDate: string;
  seriesDescription: string;
  seriesNumber: string;
  modality: string;
}

interface ViewportOverlayProps {
  text: OverlayText;
  imageIndex: number;
  imageCount: number;
  window: DisplayWindow | undefined;
  inverted: boolean;
  hasPixelSpacing: boolean;
}

/** The four corners of text over the image, as radiologists expect them. */
export function ViewportOverlay({
  text,
  imageIndex,
  imageCount,
  window,
  inverted,
  hasPixelSpacing,
}: ViewportOverlayProps) {
  return (
    <div className="viewport-overlay">
      <div className="viewport-overlay__corner viewport-overlay__corner--top-left">
        <span className="viewport-overlay__strong">{text.patientName}</span>
        <span>{text.patientId}</span>
      </div>
      <div className="viewport-overlay__corner viewport-overlay__corner--top-right">
        <span>{text.studyDate}</span>
        <span>
          {[text.modality, text.seriesNumber && `Series ${text.seriesNumber}`].filter(Boolean).join(' · ')}
        </span>
        <span>{text.seriesDescription}</span>
      </div>
      <div className="viewport-overlay__corner viewport-overlay__corner--bottom-left">
        {!hasPixelSpacing && (
          <span className="viewport-overlay__warning" data-testid="no-pixel-spacing">
            No pixel spacing: measurements in pixels
          </span>
        )}
        <span data-testid="image-number">
          Image {imageCount ? imageIndex + 1 : 0} / {imageCount}
        </span>
      </div>
      <div className="viewport-overlay__corner viewport-overlay__corner--bottom-right">
        {inverted && <span>Inverted</span>}
        <span data-testid="window-level">{formatWindow(window)}</span>
      </div>
    </div>
  );
}

/** The patient directions at the middle of each edge of the image area. */
export function OrientationMarkers({ markers }: { markers: EdgeMarkers }) {
  return (
    <div className="orientation-markers" data-testid="orientation-markers" aria-hidden="true">
      <span className="orientation-markers__top">{markers.top}</span>
      <span className="orientation-markers__bottom">{markers.bottom}</span>
      <span className="orientation-markers__left">{markers.left}</span>
      <span className="orientation-markers__right">{markers.right}</span>
    </div>
  );
}
