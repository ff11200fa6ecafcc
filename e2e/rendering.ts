/**
 * Pure helpers for comparing what the viewer draws with a reference rendering: read dcmtk's PGM/PPM
 * output, sample an image where the viewer's canvas is sampled, and measure agreement.
 */

/** A decoded PGM (one channel) or PPM (three channels, interleaved) image. */
export interface Pnm {
  width: number;
  height: number;
  channels: 1 | 3;
  maxValue: number;
  samples: Uint8Array | Uint16Array;
}

/** A grey image, one value (0–255) per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  values: Float64Array;
}

/** Parses a PGM or PPM file, binary (P5, P6) or ASCII (P2, P3), 8 or 16 bits per sample, comments allowed. */
export function parsePnm(bytes: Uint8Array): Pnm {
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    // Whitespace and comments ("#" to the end of the line) separate the header fields.
    while (offset < bytes.length) {
      const c = bytes[offset]!;
      if (c === 0x23) while (offset < bytes.length && bytes[offset] !== 0x0a) offset++;
      else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) offset++;
      else break;
    }
    let field = '';
    while (offset < bytes.length && !/\s/.test(String.fromCharCode(bytes[offset]!)))
      field += String.fromCharCode(bytes[offset++]!);
    if (!field) throw new Error('PNM header ends early');
    fields.push(field);
  }
  offset++; // the single whitespace character before the samples
  const [magic, w, h, max] = fields as [string, string, string, string];
  if (!['P2', 'P3', 'P5', 'P6'].includes(magic)) throw new Error(`Not a PGM/PPM file (magic "${magic}")`);
  const width = Number(w);
  const height = Number(h);
  const maxValue = Number(max);
  if (!(width > 0 && height > 0 && maxValue > 0 && maxValue < 65536))
    throw new Error(`Bad PNM header: ${fields.join(' ')}`);
  const channels = magic === 'P5' || magic === 'P2' ? 1 : 3;
  const count = width * height * channels;
  const wide = maxValue > 255;
  if (magic === 'P2' || magic === 'P3') {
    const numbers = new TextDecoder('latin1').decode(bytes.subarray(offset)).trim().split(/\s+/).map(Number);
    if (numbers.length < count || numbers.slice(0, count).some((n) => !(n >= 0 && n <= maxValue)))
      throw new Error(`PNM data is truncated or out of range: ${numbers.length} samples for ${count}`);
    const samples = wide ? new Uint16Array(numbers.slice(0, count)) : new Uint8Array(numbers.slice(0, count));
    return { width, height, channels, maxValue, samples };
  }
  if (bytes.length - offset < count * (wide ? 2 : 1))
    throw new Error(`PNM data is truncated: ${bytes.length - offset} bytes for ${count} samples`);
  let samples: Uint8Array | Uint16Array;
  if (wide) {
    samples = new Uint16Array(count);
    for (let i = 0; i < count; i++) samples[i] = (bytes[offset + 2 * i]! << 8) | bytes[offset + 2 * i + 1]!;
  } else {
    samples = bytes.slice(offset, offset + count);
  }
  return { width, height, channels, maxValue, samples };
}

/** Grey level 0–255 of a pixel: the value for grey images, luminance (BT.601) for colour. */
export function luminance(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** The image as grey levels 0–255 (luminance for colour). */
export function toGrey(image: Pnm): GreyImage {
  const { width, height, channels, maxValue, samples } = image;
  const scale = 255 / maxValue;
  const values = new Float64Array(width * height);
  for (let i = 0; i < values.length; i++) {
    values[i] =
      channels === 1
        ? samples[i]! * scale
        : luminance(samples[3 * i]!, samples[3 * i + 1]!, samples[3 * i + 2]!) * scale;
  }
  return { width, height, values };
}

/**
 * The image's value at pixel coordinates (column, row), where integers are pixel centres, by bilinear
 * interpolation as the viewer draws a magnified or reduced image; clamped at the edges.
 */
export function sampleBilinear(image: GreyImage, column: number, row: number): number {
  const { width, height, values } = image;
  const x = Math.min(Math.max(column, 0), width - 1);
  const y = Math.min(Math.max(row, 0), height - 1);
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const top = values[y0 * width + x0]! * (1 - fx) + values[y0 * width + x1]! * fx;
  const bottom = values[y1 * width + x0]! * (1 - fx) + values[y1 * width + x1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Where the image's outer edges are drawn on the canvas, in canvas pixels. */
export interface ImageRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Reads the viewport's data-image-rect ("left top right bottom"). */
export function parseImageRect(value: string | null): ImageRect {
  const numbers = (value ?? '').trim().split(/\s+/).map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n)))
    throw new Error(`Not an image rectangle: "${value}"`);
  const [left, top, right, bottom] = numbers as [number, number, number, number];
  return { left, top, right, bottom };
}

/** One sample: a canvas pixel, and the image coordinates (pixel centres are integers) drawn there. */
export interface SamplePoint {
  x: number;
  y: number;
  column: number;
  row: number;
}

/**
 * A grid of `across` × `down` samples over the displayed image, each at the centre of a canvas pixel,
 * with the image coordinates that pixel's centre shows. Only canvas pixels wholly inside the image and
 * the canvas are used, so that edges (half background) do not count.
 */
export function samplingGrid(
  rect: ImageRect,
  image: { columns: number; rows: number },
  canvas: { width: number; height: number },
  across: number,
  down: number,
): SamplePoint[] {
  const left = Math.max(0, Math.ceil(Math.min(rect.left, rect.right)));
  const right = Math.min(canvas.width, Math.floor(Math.max(rect.left, rect.right))) - 1;
  const top = Math.max(0, Math.ceil(Math.min(rect.top, rect.bottom)));
  const bottom = Math.min(canvas.height, Math.floor(Math.max(rect.top, rect.bottom))) - 1;
  if (right < left || bottom < top) throw new Error('The image is not on the canvas');
  const xs = spread(left, right, across);
  const ys = spread(top, bottom, down);
  const points: SamplePoint[] = [];
  for (const y of ys) {
    for (const x of xs) {
      // Canvas pixel centre (x + 0.5) as a fraction of the image's extent, to image coordinates.
      const u = (x + 0.5 - rect.left) / (rect.right - rect.left);
      const v = (y + 0.5 - rect.top) / (rect.bottom - rect.top);
      points.push({ x, y, column: u * image.columns - 0.5, row: v * image.rows - 0.5 });
    }
  }
  return points;
}

/** `count` integers spread evenly from `first` to `last`, without repeats. */
function spread(first: number, last: number, count: number): number[] {
  const span = last - first + 1;
  if (span <= count) return Array.from({ length: span }, (_, i) => first + i);
  return Array.from({ length: count }, (_, i) => first + Math.floor(((i + 0.5) * span) / count));
}

/** Pearson's correlation coefficient; NaN when either side is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new Error('pearson needs two series of one length');
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  }
  return covariance / Math.sqrt(varianceA * varianceB);
}

/** Mean and largest absolute difference of two series of one length. */
export function differences(a: ArrayLike<number>, b: ArrayLike<number>): { mean: number; max: number } {
  if (a.length !== b.length || a.length === 0) throw new Error('differences needs two series of one length');
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / a.length, max };
}

/** Mean and largest absolute difference between two grey images of one size. */
export function imageDifferences(a: GreyImage, b: GreyImage): { mean: number; max: number } {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`Images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  return differences(a.values, b.values);
}

/** A VOI window as DICOM defines it. */
export interface VoiWindow {
  center: number;
  width: number;
}

/**
 * Grey level 0–255 of a value under a linear window (PS3.3 C.11.2.1.2.1), inverted for MONOCHROME1
 * (low values white).
 */
export function windowGrey(value: number, { center, width }: VoiWindow, inverted = false): number {
  const y = Math.min(1, Math.max(0, (value - (center - 0.5)) / (width - 1) + 0.5));
  return 255 * (inverted ? 1 - y : y);
}
