import { rangeFromWindow } from './windowLevel';

/** A VOI range in modality units (after Rescale Slope/Intercept), as Cornerstone's viewports take it. */
export interface VoiRange {
  lower: number;
  upper: number;
}

/** What a decoded image says about its own window: the file's first Window Center/Width and function. */
export interface ImageWindowFacts {
  windowCenter?: number | number[];
  windowWidth?: number | number[];
  voiLUTFunction?: string;
}

const first = (value: number | number[] | undefined): number | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * The VOI range of an image's own window, as Cornerstone's WebGL path derives it: the DICOM linear
 * function (PS3.3 C.11.2.1.2) unless the file asks for LINEAR_EXACT. Undefined when the image has none.
 */
export function ownWindowRange(image: ImageWindowFacts): VoiRange | undefined {
  const width = first(image.windowWidth);
  const center = first(image.windowCenter);
  if (width === undefined || center === undefined || !Number.isFinite(width) || !Number.isFinite(center))
    return undefined;
  if (image.voiLUTFunction === 'LINEAR_EXACT')
    return { lower: center - width / 2, upper: center + width / 2 };
  return rangeFromWindow({ width, center });
}

/**
 * The window a newly shown image of a stack is drawn with: the one the user chose (a preset, the
 * window/level drag) until the viewport is reset, otherwise the image's own — the same rule Cornerstone's
 * WebGL path follows, so that both paths draw a stack alike.
 */
export function windowForNewImage(
  userRange: VoiRange | undefined,
  image: ImageWindowFacts,
): VoiRange | undefined {
  return userRange ?? ownWindowRange(image);
}

/** Where an image's pixels lie: its size and pixel spacing. */
export interface ImageGrid {
  columns: number;
  rows: number;
  columnPixelSpacing?: number | null;
  rowPixelSpacing?: number | null;
}

/**
 * Whether two images of a stack lie on the same grid, so that the zoom and pan chosen for one fit the
 * other; otherwise the new image is fitted to the viewport, as the WebGL path does.
 */
export function sameImageGrid(a: ImageGrid, b: ImageGrid): boolean {
  const spacing = (x: number | null | undefined, y: number | null | undefined) =>
    (x ?? 1) === (y ?? 1) || Math.abs((x ?? 1) - (y ?? 1)) < 1e-6;
  return (
    a.columns === b.columns &&
    a.rows === b.rows &&
    spacing(a.columnPixelSpacing, b.columnPixelSpacing) &&
    spacing(a.rowPixelSpacing, b.rowPixelSpacing)
  );
}
