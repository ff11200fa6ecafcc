import type { ReliabilityCount, TestPoint, VisualFieldTest } from './visualField';
import { probabilityLevel, type ProbabilityLevel } from './visualField';

/** How a field is drawn in one map: the degrees it spans and the pixels per degree. */
export interface MapGeometry {
  /** Degrees from fixation to the left/right and top/bottom edges of the plot. */
  halfWidthDegrees: number;
  halfHeightDegrees: number;
  pixelsPerDegree: number;
  /** Spacing of the test grid in degrees (6 for the 24-2, 2 for the 10-2). */
  gridStepDegrees: number;
  /** Degrees between axis ticks. */
  tickDegrees: number;
}

/** Smallest distance between distinct coordinates along one axis: the grid spacing. */
function spacing(values: number[]): number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i]! - sorted[i - 1]!);
  return Number.isFinite(step) && step > 0 ? step : 6;
}

/**
 * The plot area of a field in a box of `width` × `height` pixels: half a grid step beyond the outermost
 * locations, the same scale on both axes so that the field keeps its shape.
 */
export function mapGeometry(points: readonly TestPoint[], width: number, height: number): MapGeometry {
  const step = Math.min(spacing(points.map((p) => p.x)), spacing(points.map((p) => p.y)));
  const halfWidthDegrees = Math.max(...points.map((p) => Math.abs(p.x))) + step / 2;
  const halfHeightDegrees = Math.max(...points.map((p) => Math.abs(p.y))) + step / 2;
  const pixelsPerDegree = Math.min(width / (2 * halfWidthDegrees), height / (2 * halfHeightDegrees));
  return {
    halfWidthDegrees,
    halfHeightDegrees,
    pixelsPerDegree,
    gridStepDegrees: step,
    tickDegrees: halfWidthDegrees > 15 ? 10 : 2,
  };
}

/** One run of grey-scale cells on a row (cells of equal tone are merged to keep the SVG small). */
export interface GreyRun {
  /** Degrees of the run's left edge and top edge. */
  x: number;
  y: number;
  widthDegrees: number;
  heightDegrees: number;
  /** 0 (black, no sensitivity) … 1 (white). */
  tone: number;
}

/** Grey-scale tones in 5-dB steps, as the printouts draw them: < 1 dB black, ≥ 31 dB white. */
export const GREY_STEPS_DB = [1, 6, 11, 16, 21, 26, 31] as const;

/** Tone of each step, darkest first: spaced so that normal thresholds read as white and loss stands out. */
const GREY_TONES = [0, 0.2, 0.38, 0.54, 0.68, 0.8, 0.9, 1] as const;

export function greyTone(db: number): number {
  const step = GREY_STEPS_DB.filter((limit) => db >= limit).length;
  return GREY_TONES[step]!;
}

/**
 * The grey-scale map: the area within half a grid step of a test location, in cells of a quarter step,
 * each toned by the inverse-distance-weighted sensitivity of the four nearest locations. Points without
 * a sensitivity (not tested) count as absent.
 */
export function greyScaleRuns(points: readonly TestPoint[], geometry: MapGeometry): GreyRun[] {
  const measured = points.filter(
    (p): p is TestPoint & { sensitivityDb: number } => p.sensitivityDb !== undefined,
  );
  if (measured.length === 0) return [];
  const cell = geometry.gridStepDegrees / 4;
  const half = geometry.gridStepDegrees / 2;
  const runs: GreyRun[] = [];
  for (let top = geometry.halfHeightDegrees; top > -geometry.halfHeightDegrees + 1e-9; top -= cell) {
    let run: GreyRun | undefined;
    for (let left = -geometry.halfWidthDegrees; left < geometry.halfWidthDegrees - 1e-9; left += cell) {
      const cx = left + cell / 2;
      const cy = top - cell / 2;
      const inside = measured.some((p) => Math.abs(p.x - cx) <= half && Math.abs(p.y - cy) <= half);
      const tone = inside ? greyTone(interpolate(measured, cx, cy)) : undefined;
      if (tone !== undefined && run && run.tone === tone) {
        run.widthDegrees += cell;
        continue;
      }
      if (run) runs.push(run);
      run =
        tone === undefined ? undefined : { x: left, y: top, widthDegrees: cell, heightDegrees: cell, tone };
    }
    if (run) runs.push(run);
  }
  return runs;
}

function interpolate(
  points: ReadonlyArray<{ x: number; y: number; sensitivityDb: number }>,
  x: number,
  y: number,
) {
  const nearest = points
    .map((p) => ({ p, d: Math.hypot(p.x - x, p.y - y) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 4);
  let weights = 0;
  let sum = 0;
  for (const { p, d } of nearest) {
    if (d < 1e-6) return p.sensitivityDb;
    const w = 1 / (d * d);
    weights += w;
    sum += w * p.sensitivityDb;
  }
  return sum / weights;
}

/** Numbers as the printouts write them: whole dB on the maps, "<0" for a stimulus not seen at all. */
export function thresholdText(point: TestPoint, minimumDb: number | undefined): string {
  if (point.result === 'not tested') return '';
  if (point.result === 'not seen') return `<${formatNumber(minimumDb ?? 0, 0)}`;
  return point.sensitivityDb === undefined ? '' : formatNumber(point.sensitivityDb, 0);
}

/** A signed number with a true minus sign, as printed (−2.94). */
export function formatNumber(value: number, digits: number): string {
  const rounded = value.toFixed(digits);
  const text = Number(rounded) === 0 ? (0).toFixed(digits) : rounded;
  return text.replace('-', '\u2212');
}

/** "P < 2%" for a significant probability; empty when p ≥ 5% or none was recorded. */
export function probabilityText(percent: number | undefined): string {
  const level = probabilityLevel(percent);
  return level === undefined ? '' : `P < ${level}%`;
}

export function formatDuration(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  const whole = Math.round(seconds);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** "1/15", "3 %" or "2/30 (7 %)": the counts and estimates the perimeter recorded. */
export function reliabilityText(
  count: ReliabilityCount | undefined,
  prefer: 'ratio' | 'percent',
): string | undefined {
  if (!count) return undefined;
  const ratio =
    count.errors !== undefined && count.trials !== undefined ? `${count.errors}/${count.trials}` : undefined;
  const percent = count.percent !== undefined ? `${formatNumber(count.percent, 0)} %` : undefined;
  const main = prefer === 'ratio' ? (ratio ?? percent) : (percent ?? ratio);
  const extra = prefer === 'percent' && percent && ratio ? ` (${ratio})` : '';
  if (!main) return count.excessive === undefined ? undefined : count.excessive ? 'excessive' : 'acceptable';
  return `${main}${extra}${count.excessive ? ' xx' : ''}`;
}

/** Whether any reliability index is judged excessive (the printout then warns "low test reliability"). */
export function hasLowReliability(test: VisualFieldTest): boolean {
  const { fixationLosses, falsePositives, falseNegatives } = test.reliability;
  return [fixationLosses, falsePositives, falseNegatives].some((count) => count?.excessive === true);
}

/** The probability class of a deviation, for its symbol; undefined when not significant or not computed. */
export function symbolLevel(percent: number | undefined): ProbabilityLevel | undefined {
  return probabilityLevel(percent);
}

/** cd/m² as apostilbs, the unit perimetry printouts use for the background (1 cd/m² = π asb). */
export function apostilbs(candelasPerSquareMetre: number): string {
  const asb = candelasPerSquareMetre * Math.PI;
  return `${formatNumber(asb, asb < 100 ? 1 : 0)} asb`;
}

/** "Central 24-2 Threshold Test", as the printouts name the central patterns. */
export function testName(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  return /^\d+-\d+$/.test(pattern) ? `Central ${pattern} Threshold Test` : pattern;
}
