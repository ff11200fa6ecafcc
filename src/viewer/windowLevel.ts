export interface DisplayWindow {
  width: number;
  center: number;
}

/**
 * A VOI range (lower, upper) as window width and level, by the DICOM linear function (PS3.3
 * C.11.2.1.2), so that a window from the header shows as written there (W 400 L 40).
 */
export function windowFromRange(lower: number, upper: number): DisplayWindow {
  return { width: Math.abs(upper - lower) + 1, center: (lower + upper + 1) / 2 };
}

/** "W 400 L 40"; decimals only for narrow windows (PET SUV, parametric maps). */
export function formatWindow(window: DisplayWindow | undefined): string {
  if (!window) return '';
  const digits = window.width < 10 ? 2 : 0;
  const show = (n: number) => (Object.is(Number(n.toFixed(digits)), -0) ? 0 : n).toFixed(digits);
  return `W ${show(window.width)} L ${show(window.center)}`;
}

/** The VOI range of a window, the inverse of windowFromRange. */
export function rangeFromWindow({ width, center }: DisplayWindow): { lower: number; upper: number } {
  return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
}
