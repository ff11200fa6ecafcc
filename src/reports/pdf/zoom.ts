/** A zoom factor (1 = 72 dpi page points as CSS pixels) or "as wide as the viewport". */
export type Zoom = number | 'fit-width';

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The next zoom step up (+1) or down (−1); from "fit width", starting at the step nearest `fitted`. */
export function clampZoom(zoom: Zoom, direction: 1 | -1, fitted = 1): number {
  const current = zoom === 'fit-width' ? fitted : zoom;
  if (direction > 0)
    return ZOOM_STEPS.find((step) => step > current + 1e-6) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - 1e-6) ?? ZOOM_STEPS[0]!;
}

/** The scale that fits a page of `pageWidth` points into `available` pixels, within sensible bounds. */
export function fitWidthScale(pageWidth: number, available: number): number {
  if (pageWidth <= 0 || available <= 0) return 1;
  return Math.min(4, Math.max(0.25, available / pageWidth));
}

/**
 * The scale that draws a whole page of `page` points inside `box` pixels, as large as it fits, keeping
 * its proportions: a thumbnail of the page. 0 when either has no area, so that nothing is drawn.
 */
export function fitPageScale(
  page: { width: number; height: number },
  box: { width: number; height: number },
): number {
  if (page.width <= 0 || page.height <= 0 || box.width <= 0 || box.height <= 0) return 0;
  return Math.min(box.width / page.width, box.height / page.height);
}
