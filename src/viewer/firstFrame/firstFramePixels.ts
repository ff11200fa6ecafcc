import { NATIVE_LITTLE_ENDIAN, getNumbers, getString, getStrings, type DicomJsonDataset } from '../../dicom';
import { GreyTable, drawGreyscale, type CanvasToImage } from '../greyscaleCanvas';

const VOI_LUT_FUNCTION = '00281056';
const MODALITY_LUT_SEQUENCE = '00283000';
const VOI_LUT_SEQUENCE = '00283010';

/** How a grey image is drawn before the image code has loaded: what Cornerstone will apply to it. */
export interface FirstFrameLook {
  columns: number;
  rows: number;
  bitsAllocated: 8 | 16;
  signed: boolean;
  slope: number;
  intercept: number;
  /** MONOCHROME1: high values are dark. */
  inverted: boolean;
  /** mm between rows (vertical) and between columns (horizontal); 1 when the image gives none. */
  rowSpacing: number;
  columnSpacing: number;
  /** The file's first window; undefined: the image's own range is used, as Cornerstone does. */
  window: { center: number; width: number } | undefined;
}

/**
 * What the early drawing needs of an image, or undefined for images it does not draw exactly as the
 * viewer will (colour, LUT sequences, non-linear VOI, PET's scaled units, other than 8 or 16 bits): those
 * wait for the viewer as before.
 */
export function firstFrameLookOf(dataset: DicomJsonDataset): FirstFrameLook | undefined {
  const photometric = getString(dataset, 'PhotometricInterpretation');
  if (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') return undefined;
  if ((getNumbers(dataset, 'SamplesPerPixel')[0] ?? 1) !== 1) return undefined;
  if (getString(dataset, 'Modality') === 'PT') return undefined;
  const columns = getNumbers(dataset, 'Columns')[0];
  const rows = getNumbers(dataset, 'Rows')[0];
  const bitsAllocated = getNumbers(dataset, 'BitsAllocated')[0];
  if (!columns || !rows || (bitsAllocated !== 8 && bitsAllocated !== 16)) return undefined;
  const voiFunction = getString(dataset, VOI_LUT_FUNCTION);
  if (voiFunction && voiFunction !== 'LINEAR') return undefined;
  if (dataset[MODALITY_LUT_SEQUENCE]?.Value?.length || dataset[VOI_LUT_SEQUENCE]?.Value?.length)
    return undefined;

  const slope = getNumbers(dataset, 'RescaleSlope')[0] ?? 1;
  const intercept = getNumbers(dataset, 'RescaleIntercept')[0] ?? 0;
  const [rowSpacing, columnSpacing] = getNumbers(dataset, 'PixelSpacing');
  const center = getNumbers(dataset, 'WindowCenter')[0];
  const width = getNumbers(dataset, 'WindowWidth')[0];
  return {
    columns,
    rows,
    bitsAllocated,
    signed: getNumbers(dataset, 'PixelRepresentation')[0] === 1,
    slope: Number.isFinite(slope) && slope !== 0 ? slope : 1,
    intercept: Number.isFinite(intercept) ? intercept : 0,
    inverted: photometric === 'MONOCHROME1',
    rowSpacing: rowSpacing && rowSpacing > 0 ? rowSpacing : 1,
    columnSpacing: columnSpacing && columnSpacing > 0 ? columnSpacing : 1,
    window:
      center !== undefined && Number.isFinite(center) && width !== undefined && width >= 1
        ? { center, width }
        : undefined,
  };
}

/** Whether a transfer syntax (from the metadata or the frame's part) is one the early drawing reads. */
export function readsTransferSyntax(transferSyntaxUid: string | undefined): boolean {
  return transferSyntaxUid === undefined || NATIVE_LITTLE_ENDIAN.has(transferSyntaxUid);
}

/** The stored transfer syntax the metadata names, if it names one. */
export function storedTransferSyntaxOf(dataset: DicomJsonDataset): string | undefined {
  return getStrings(dataset, 'TransferSyntaxUID')[0];
}

/** Modality values (rescaled) of a frame, one per pixel, row by row; undefined when the bytes are short. */
export function modalityValuesOf(frame: ArrayBuffer, look: FirstFrameLook): Float32Array | undefined {
  const count = look.columns * look.rows;
  const bytesPerPixel = look.bitsAllocated / 8;
  if (frame.byteLength < count * bytesPerPixel) return undefined;
  // A copy aligned for the typed view: the frame's bytes may start at an odd offset of their buffer.
  const aligned = frame.slice(0, count * bytesPerPixel);
  // Read as Cornerstone's loader reads an uncompressed frame: whole 16-bit words (fewer stored bits
  // are not masked), and 8-bit samples unsigned whatever the pixel representation says.
  const stored =
    look.bitsAllocated === 8
      ? new Uint8Array(aligned)
      : look.signed
        ? new Int16Array(aligned)
        : new Uint16Array(aligned);
  const values = new Float32Array(count);
  const { slope, intercept } = look;
  for (let i = 0; i < count; i++) values[i] = stored[i]! * slope + intercept;
  return values;
}

/** The VOI range (lowest and highest value shown, black to white) Cornerstone starts an image with. */
export function initialVoiRange(
  values: Float32Array,
  look: FirstFrameLook,
): { lower: number; upper: number } {
  if (look.window) {
    // DICOM's linear function (PS3.3 C.11.2.1.2), as Cornerstone's toLowHighRange reads it.
    const { center, width } = look.window;
    return { lower: center - 0.5 - (width - 1) / 2, upper: center - 0.5 + (width - 1) / 2 };
  }
  let lower = Infinity;
  let upper = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lower) lower = v;
    if (v > upper) upper = v;
  }
  return { lower, upper };
}

/** Where the image lies on the canvas (device pixels): fitted whole and centred, true to its pixel spacing. */
export interface FittedImage {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function fitImage(canvasWidth: number, canvasHeight: number, look: FirstFrameLook): FittedImage {
  const widthMm = look.columns * look.columnSpacing;
  const heightMm = look.rows * look.rowSpacing;
  const scale = Math.min(canvasWidth / widthMm, canvasHeight / heightMm);
  const width = widthMm * scale;
  const height = heightMm * scale;
  return { left: (canvasWidth - width) / 2, top: (canvasHeight - height) / 2, width, height };
}

/**
 * Draws the image into `out` (RGBA, canvasWidth × canvasHeight) with the viewer's own greyscale
 * drawing (greyscaleCanvas.ts, as the WebGL path draws): the modality values are interpolated between
 * pixel centres (bilinear, edges clamped), then windowed linearly from black at `lower` to white at
 * `upper`, inverted for MONOCHROME1; the canvas around the image is black. Orientation as stored:
 * first row at the top, first column on the left.
 */
export function drawFirstFrame(
  values: Float32Array,
  look: FirstFrameLook,
  voi: { lower: number; upper: number },
  canvasWidth: number,
  canvasHeight: number,
  out: Uint8ClampedArray,
): FittedImage {
  const fitted = fitImage(canvasWidth, canvasHeight, look);
  const perColumn = look.columns / fitted.width;
  const perRow = look.rows / fitted.height;
  const table = new GreyTable();
  // The values are rescaled already.
  table.prepare({ slope: 1, intercept: 0, ...voi, voiFunction: 'LINEAR', invert: look.inverted });
  // Canvas point → image position, pixel centres on whole numbers.
  const canvasToImage: CanvasToImage = [
    perColumn,
    0,
    0,
    perRow,
    -fitted.left * perColumn - 0.5,
    -fitted.top * perRow - 0.5,
  ];
  const words = new Uint32Array(out.buffer, out.byteOffset, canvasWidth * canvasHeight);
  drawGreyscale(
    { pixels: values, columns: look.columns, rows: look.rows },
    table,
    canvasToImage,
    words,
    canvasWidth,
    canvasHeight,
  );
  return fitted;
}
