import { getNumber, getString, type DicomJsonDataset } from '../dicom';

/**
 * Decodes a native (uncompressed) greyscale frame to the pixel array Cornerstone's image loader would
 * make of it, away from the page: a series' one answer (seriesFrames.ts) then arrives as images ready
 * for the image cache, not as bytes that each take a round trip through the loader's decoding workers
 * and several copies on the main thread.
 *
 * The result must be what the loader makes of the same bytes, to the value and the array type
 * (nativeDecoding.test.ts compares the two): the loader reads the frame as words of the allocated
 * size, sign-extends signed values from the stored bits, picks the smallest array type that holds the
 * rescaled range, copies the stored values into it and applies the rescale in place. Images whose
 * decoding depends on more than the file's own attributes (PET's SUV scaling, RT dose scaling,
 * fractional rescales that depend on the GPU's float textures) or that are not plain greyscale are
 * left to the loader.
 */

/** Cornerstone's scaling parameters (getScalingParameters) for the images decoded here. */
export interface NativeScaling {
  rescaleSlope: number;
  rescaleIntercept: number;
  modality: string | undefined;
}

/** How the frames of one instance are decoded; structured-cloneable, for the worker. */
export interface NativeDecoding {
  columns: number;
  rows: number;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  signed: boolean;
  /** Undefined when the rescale is the identity: the loader then does not rescale. */
  scaling: NativeScaling | undefined;
}

export type DecodedArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Float32Array;

/** A decoded frame: the pixel array and the range the loader records for it. */
export interface DecodedPixels {
  pixelData: DecodedArray;
  /** Smallest and largest value, rescaled where the frame was. */
  smallest: number;
  largest: number;
  /** The scaling applied to the values; undefined where none was. */
  scaling: NativeScaling | undefined;
}

/** Modalities whose values the loader scales with more than the rescale attributes. */
const SCALED_FURTHER = new Set(['PT', 'RTDOSE']);

/** How an instance's frames are decoded here, or undefined for images left to the image loader. */
export function nativeDecodingOf(dataset: DicomJsonDataset): NativeDecoding | undefined {
  const photometric = getString(dataset, 'PhotometricInterpretation');
  if (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') return undefined;
  if ((getNumber(dataset, 'SamplesPerPixel') ?? 1) !== 1) return undefined;
  const modality = getString(dataset, 'Modality');
  if (modality && SCALED_FURTHER.has(modality)) return undefined;
  const columns = getNumber(dataset, 'Columns');
  const rows = getNumber(dataset, 'Rows');
  const bitsAllocated = getNumber(dataset, 'BitsAllocated');
  const bitsStored = getNumber(dataset, 'BitsStored') ?? bitsAllocated;
  const signed = getNumber(dataset, 'PixelRepresentation') === 1;
  if (!columns || !rows || (bitsAllocated !== 8 && bitsAllocated !== 16)) return undefined;
  if (!bitsStored || !Number.isInteger(bitsStored) || bitsStored > bitsAllocated) return undefined;
  // The loader reads signed 8-bit samples as unsigned bytes and then shifts them within a byte array.
  if (signed && bitsAllocated === 8) return undefined;
  const slope = getNumber(dataset, 'RescaleSlope') ?? 1;
  const intercept = getNumber(dataset, 'RescaleIntercept') ?? 0;
  if (!Number.isInteger(slope) || !Number.isInteger(intercept) || slope === 0) return undefined;
  const identity = slope === 1 && intercept === 0;
  return {
    columns,
    rows,
    bitsAllocated,
    bitsStored,
    signed,
    scaling: identity ? undefined : { rescaleSlope: slope, rescaleIntercept: intercept, modality },
  };
}

/** The loader's choice of array for a range (getPixelDataTypeFromMinMax). */
export function arrayTypeFor(min: number, max: number): new (length: number) => DecodedArray {
  if (Number.isInteger(min) && Number.isInteger(max)) {
    if (min >= 0) {
      if (max <= 0xff) return Uint8Array;
      if (max <= 0xffff) return Uint16Array;
      if (max <= 0xffffffff) return Uint32Array;
    } else {
      if (min >= -128 && max <= 127) return Int8Array;
      if (min >= -32768 && max <= 32767) return Int16Array;
    }
  }
  return Float32Array;
}

const RANGES = new Map<unknown, [number, number]>([
  [Uint8Array, [0, 0xff]],
  [Int8Array, [-128, 127]],
  [Uint16Array, [0, 0xffff]],
  [Int16Array, [-32768, 32767]],
  [Uint32Array, [0, 0xffffffff]],
]);

/** Whether every value from `min` to `max` (whole numbers) is held exactly by the array type. */
function holds(ArrayType: unknown, min: number, max: number): boolean {
  if (ArrayType === Float32Array) return min >= -(2 ** 24) && max <= 2 ** 24;
  const range = RANGES.get(ArrayType);
  return range !== undefined && min >= range[0] && max <= range[1];
}

/** The stored values of a frame, as the loader reads native little-endian data. */
function storedValues(frame: ArrayBuffer, decoding: NativeDecoding): Uint8Array | Uint16Array | Int16Array {
  const count = decoding.columns * decoding.rows;
  if (decoding.bitsAllocated === 8) return new Uint8Array(frame, 0, count);
  const values = decoding.signed ? new Int16Array(frame, 0, count) : new Uint16Array(frame, 0, count);
  if (decoding.signed && decoding.bitsStored < 16) {
    const shift = 32 - decoding.bitsStored;
    for (let i = 0; i < count; i++) values[i] = (values[i]! << shift) >> shift;
  }
  return values;
}

/** Smallest and largest of `values`, which are not empty. */
function rangeOf(values: Uint8Array | Uint16Array | Int16Array): { min: number; max: number } {
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return { min, max };
}

/**
 * Adds `offset` to every value in place (wrapping as the array does) and returns the range of the
 * values as they were: one pass where a range pass and a rescale pass would be two.
 */
function shiftInPlace(
  values: Uint8Array | Uint16Array | Int16Array,
  offset: number,
): { min: number; max: number } {
  let min = values[0]!;
  let max = min;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
    values[i] = v + offset;
  }
  return { min, max };
}

/** `target[i] = source[i] * slope + intercept`; `target` may be `source`. */
function rescaleInto(
  source: ArrayLike<number>,
  target: DecodedArray,
  slope: number,
  intercept: number,
): void {
  if (slope === 1) for (let i = 0; i < target.length; i++) target[i] = source[i]! + intercept;
  else for (let i = 0; i < target.length; i++) target[i] = source[i]! * slope + intercept;
}

/**
 * The frame decoded as the image loader decodes it; undefined when the bytes are fewer than the image
 * needs. The frame's buffer is read and may be changed in place (signed values, a rescale into the
 * stored values' own array type), and may then be the decoded pixels' buffer.
 *
 * Most frames take one pass and no new array: a rescale that only adds an intercept (a CT's signed
 * words to Hounsfield units) is applied in place while the range is found, and kept when the loader
 * would have picked the stored values' own array type for the range found; otherwise it is undone
 * (whole-number addition wraps the same way back) and the values are written into the array the
 * loader picks.
 */
export function decodeNativeFrame(frame: ArrayBuffer, decoding: NativeDecoding): DecodedPixels | undefined {
  const count = decoding.columns * decoding.rows;
  if (count === 0 || frame.byteLength < count * (decoding.bitsAllocated / 8)) return undefined;
  const stored = storedValues(frame, decoding);
  const { scaling } = decoding;
  const slope = scaling?.rescaleSlope ?? 1;
  const intercept = scaling?.rescaleIntercept ?? 0;
  const shiftedInPlace = slope === 1 && intercept !== 0;
  const { min, max } = shiftedInPlace ? shiftInPlace(stored, intercept) : rangeOf(stored);
  // Not reordered for a negative slope, as the loader does not reorder them either.
  const smallest = slope * min + intercept;
  const largest = slope * max + intercept;
  const ArrayType = arrayTypeFor(smallest, largest);
  const fits = holds(ArrayType, min, max);
  if (fits && stored instanceof ArrayType) {
    if (scaling && !shiftedInPlace) rescaleInto(stored, stored, slope, intercept);
    return { pixelData: stored, smallest, largest, scaling };
  }
  if (shiftedInPlace) shiftInPlace(stored, -intercept);
  const pixelData = new ArrayType(count);
  if (fits && scaling) {
    rescaleInto(stored, pixelData, slope, intercept);
  } else {
    // The loader copies, then rescales in place: a stored value the array cannot hold wraps first.
    pixelData.set(stored);
    if (scaling) rescaleInto(pixelData, pixelData, slope, intercept);
  }
  return { pixelData, smallest, largest, scaling };
}
