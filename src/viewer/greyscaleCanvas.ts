/**
 * Draws a greyscale image onto a canvas-sized RGBA buffer the way a graphics card draws it: the stored
 * values are interpolated (bilinear) at each canvas pixel, rescaled to modality units, and only then
 * mapped through the VOI window. Windowing first and enlarging the 8-bit result afterwards, as
 * Cornerstone's CPU path does, dims small bright structures at their edges (a 3-pixel 1500 HU marker
 * drawn at 40/400 reads 237 instead of 255).
 *
 * Written for speed: one pass over the canvas, no allocation per pixel, the window folded into a table.
 */

/** Stored pixel values, row after row, as 32-bit floats (one array type keeps the loop monomorphic). */
export interface StoredImage {
  pixels: Float32Array;
  columns: number;
  rows: number;
}

/** DICOM's VOI LUT functions that a window describes (PS3.3 C.11.2.1.2); LINEAR_EXACT arrives as a range. */
export type VoiFunction = 'LINEAR' | 'SIGMOID';

/** Stored value → modality value → grey. */
export interface GreyMapping {
  /** Rescale Slope and Intercept; 1 and 0 for pixels already in modality units. */
  slope: number;
  intercept: number;
  /** The window as a range of modality values: `lower` is black, `upper` white (linear). */
  lower: number;
  upper: number;
  voiFunction: VoiFunction;
  invert: boolean;
}

/**
 * Where each canvas pixel samples the image: the image position (column, row; pixel centres are whole
 * numbers) of canvas point (x, y) is (a·x + c·y + e, b·x + d·y + f). Canvas pixel (i, j) is sampled at
 * its centre (i + ½, j + ½).
 */
export type CanvasToImage = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** A rectangle of canvas pixels: [left, right) × [top, bottom). */
export interface CanvasArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Entries of the grey table: fine enough that no window loses a grey level (16 per level). */
const TABLE_SIZE = 4096;
const LAST = TABLE_SIZE - 1;

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** An opaque grey pixel as one 32-bit word of RGBA bytes. */
export function packGrey(grey: number): number {
  return littleEndian
    ? (0xff000000 | (grey << 16) | (grey << 8) | grey) >>> 0
    : ((grey << 24) | (grey << 16) | (grey << 8) | 0xff) >>> 0;
}

const OPAQUE_BLACK = packGrey(0);

/** Grey level (0–255) of a modality value, before inversion, as the graphics path maps it. */
export function greyOf(value: number, mapping: Pick<GreyMapping, 'lower' | 'upper' | 'voiFunction'>): number {
  const { lower, upper } = mapping;
  let y: number;
  if (mapping.voiFunction === 'SIGMOID') {
    // Cornerstone's window of a range: width = upper − lower + 1, centre = (lower + upper + 1) / 2.
    const width = Math.abs(upper - lower) + 1;
    const centre = (lower + upper + 1) / 2;
    y = 1 / (1 + Math.exp((-4 * (value - centre)) / width));
  } else {
    const span = upper - lower;
    y = span > 0 ? (value - lower) / span : value < lower ? 0 : 1;
  }
  return Math.round(255 * Math.min(1, Math.max(0, y)));
}

/**
 * A table of packed grey pixels over a range of stored values: `index = stored · scale + offset`,
 * clamped to the table. Reused between frames while the mapping is unchanged.
 */
export class GreyTable {
  readonly colours = new Uint32Array(TABLE_SIZE);
  scale = 0;
  offset = 0;
  private key = '';

  /** Fills the table for `mapping` (a no-op when it is the one the table holds). */
  prepare(mapping: GreyMapping): void {
    const { slope, intercept, lower, upper, voiFunction, invert } = mapping;
    const key = `${slope}|${intercept}|${lower}|${upper}|${voiFunction}|${invert}`;
    if (key === this.key) return;
    this.key = key;
    // The modality values over which the grey changes; beyond them it stays at the ends' grey.
    let from = Math.min(lower, upper);
    let to = Math.max(lower, upper);
    if (voiFunction === 'SIGMOID') {
      const width = to - from + 1;
      const centre = (from + to + 1) / 2;
      // The sigmoid is within a quarter of a grey level of 0 or 1 beyond centre ± 2·width.
      from = centre - 2 * width;
      to = centre + 2 * width;
    }
    if (!(to > from)) to = from + 1e-6;
    for (let i = 0; i < TABLE_SIZE; i++) {
      const grey = greyOf(from + ((to - from) * i) / LAST, mapping);
      this.colours[i] = packGrey(invert ? 255 - grey : grey);
    }
    const perModality = LAST / (to - from);
    this.scale = slope * perModality;
    this.offset = (intercept - from) * perModality;
  }
}

/** A typed array kept between frames and grown when a wider canvas needs more (drawing is synchronous). */
class Scratch<T extends Float32Array | Int32Array> {
  private array: T;
  constructor(private readonly make: (length: number) => T) {
    this.array = make(0);
  }
  atLeast(length: number): T {
    if (this.array.length < length) this.array = this.make(length);
    return this.array;
  }
}

/** Per-column neighbours and weights, and the two interpolated image rows around a canvas row. */
const scratch = {
  lefts: new Scratch((n) => new Int32Array(n)),
  weights: new Scratch((n) => new Float32Array(n)),
  rowA: new Scratch((n) => new Float32Array(n)),
  rowB: new Scratch((n) => new Float32Array(n)),
};

/**
 * Fills `out` (width × height packed RGBA pixels, row after row) with the image as seen through
 * `canvasToImage`: bilinear between the four nearest stored values, clamped at the image's edges, and
 * opaque black where the canvas lies beyond the image's outer pixel edges. Returns the canvas area
 * outside which every pixel is black.
 */
export function drawGreyscale(
  image: StoredImage,
  table: GreyTable,
  canvasToImage: CanvasToImage,
  out: Uint32Array,
  width: number,
  height: number,
): CanvasArea {
  const { pixels, columns, rows } = image;
  const [a, b, c, d, e, f] = canvasToImage;
  const colours = table.colours;
  const scale = table.scale;
  // Half an entry more, so that truncating the index rounds it.
  const offset = table.offset + 0.5;
  const lastColumn = columns - 1;
  const lastRow = rows - 1;
  // The upper-left of the four neighbours stays one short of the last pixel, so that its right and
  // lower neighbours exist; a single column or row interpolates with itself.
  const maxLeft = Math.max(0, columns - 2);
  const maxTop = Math.max(0, rows - 2);
  const stepRight = columns > 1 ? 1 : 0;
  const stepDown = rows > 1 ? columns : 0;
  const axisAligned = b === 0 && c === 0;
  const columnLeft = axisAligned ? scratch.lefts.atLeast(width) : undefined;
  const columnWeight = axisAligned ? scratch.weights.atLeast(width) : undefined;
  let columnsFrom = 0;
  let columnsTo = width;
  if (columnLeft && columnWeight) {
    // Without rotation every row samples the same columns: their neighbours and weights once.
    [columnsFrom, columnsTo] = insideSpan(a, e, columns, width);
    for (let x = columnsFrom; x < columnsTo; x++) {
      let u = a * (x + 0.5) + e;
      u = u < 0 ? 0 : u > lastColumn ? lastColumn : u;
      let left = u | 0;
      if (left > maxLeft) left = maxLeft;
      columnLeft[x] = left;
      columnWeight[x] = u - left;
    }
  }

  let above = scratch.rowA.atLeast(width);
  let below = scratch.rowB.atLeast(width);
  let aboveRow = -1;
  let belowRow = -1;
  let firstRow = height;
  let lastRowDrawn = -1;
  for (let y = 0; y < height; y++) {
    const rowStart = y * width;
    const cy = y + 0.5;
    if (columnLeft && columnWeight) {
      const v = d * cy + f;
      if (v < -0.5 || v >= rows - 0.5 || columnsFrom >= columnsTo) {
        out.fill(OPAQUE_BLACK, rowStart, rowStart + width);
        continue;
      }
      if (firstRow > y) firstRow = y;
      lastRowDrawn = y;
      const vc = v < 0 ? 0 : v > lastRow ? lastRow : v;
      let top = vc | 0;
      if (top > maxTop) top = maxTop;
      const fv = vc - top;
      // The two image rows around this canvas row, interpolated along the canvas columns once: the
      // next canvas rows mostly fall between the same two (or the next pair, sharing one).
      if (top !== aboveRow) {
        if (top === belowRow) {
          const swap = above;
          above = below;
          below = swap;
        } else
          interpolateRow(
            pixels,
            top * columns,
            columnLeft,
            columnWeight,
            stepRight,
            scale,
            offset,
            above,
            columnsFrom,
            columnsTo,
          );
        interpolateRow(
          pixels,
          top * columns + stepDown,
          columnLeft,
          columnWeight,
          stepRight,
          scale,
          offset,
          below,
          columnsFrom,
          columnsTo,
        );
        aboveRow = top;
        belowRow = top + 1;
      }
      out.fill(OPAQUE_BLACK, rowStart, rowStart + columnsFrom);
      for (let x = columnsFrom; x < columnsTo; x++) {
        // The rows hold table positions already (the window is linear in the stored values).
        const high = above[x]!;
        const k = high + (below[x]! - high) * fv;
        out[rowStart + x] = colours[k < 1 ? 0 : k >= LAST ? LAST : k | 0]!;
      }
      out.fill(OPAQUE_BLACK, rowStart + columnsTo, rowStart + width);
      continue;
    }
    // Rotated: both image coordinates change along the row.
    for (let x = 0; x < width; x++) {
      const cx = x + 0.5;
      let u = a * cx + c * cy + e;
      let v = b * cx + d * cy + f;
      if (u < -0.5 || u >= columns - 0.5 || v < -0.5 || v >= rows - 0.5) {
        out[rowStart + x] = OPAQUE_BLACK;
        continue;
      }
      u = u < 0 ? 0 : u > lastColumn ? lastColumn : u;
      v = v < 0 ? 0 : v > lastRow ? lastRow : v;
      let left = u | 0;
      if (left > maxLeft) left = maxLeft;
      let top = v | 0;
      if (top > maxTop) top = maxTop;
      const fu = u - left;
      const fv = v - top;
      const upper = top * columns + left;
      const lower = upper + stepDown;
      const p00 = pixels[upper]!;
      const p10 = pixels[lower]!;
      const above = p00 + (pixels[upper + stepRight]! - p00) * fu;
      const below = p10 + (pixels[lower + stepRight]! - p10) * fu;
      const k = (above + (below - above) * fv) * scale + offset;
      out[rowStart + x] = colours[k < 1 ? 0 : k >= LAST ? LAST : k | 0]!;
    }
  }
  if (!columnLeft) return { left: 0, top: 0, right: width, bottom: height };
  if (lastRowDrawn < 0) return { left: 0, top: 0, right: 0, bottom: 0 };
  return { left: columnsFrom, top: firstRow, right: columnsTo, bottom: lastRowDrawn + 1 };
}

/**
 * One image row (starting at `start`) sampled at the canvas columns [from, to), as positions in the
 * grey table (`stored · scale + offset`).
 */
function interpolateRow(
  pixels: Float32Array,
  start: number,
  lefts: Int32Array,
  weights: Float32Array,
  stepRight: number,
  scale: number,
  offset: number,
  into: Float32Array,
  from: number,
  to: number,
): void {
  for (let x = from; x < to; x++) {
    const at = start + lefts[x]!;
    const left = pixels[at]!;
    into[x] = (left + (pixels[at + stepRight]! - left) * weights[x]!) * scale + offset;
  }
}

/**
 * The canvas columns [from, to) whose centres fall on the image (−½ ≤ u < size − ½) when
 * u = slope · (x + ½) + intercept.
 */
function insideSpan(slope: number, intercept: number, size: number, width: number): [number, number] {
  const inside = (x: number) => {
    const u = slope * (x + 0.5) + intercept;
    return u >= -0.5 && u < size - 0.5;
  };
  if (slope === 0) return inside(0) ? [0, width] : [0, 0];
  // Solve for the two edges, then settle the rounding against the exact test.
  const edgeA = (-0.5 - intercept) / slope - 0.5;
  const edgeB = (size - 0.5 - intercept) / slope - 0.5;
  let from = Math.max(0, Math.min(width, Math.ceil(Math.min(edgeA, edgeB))));
  let to = Math.max(from, Math.min(width, Math.ceil(Math.max(edgeA, edgeB)) + 1));
  while (from < to && !inside(from)) from++;
  while (from > 0 && inside(from - 1)) from--;
  while (to > from && !inside(to - 1)) to--;
  while (to < width && inside(to)) to++;
  return [from, to];
}
