import { Enums, type StackViewport, type Types } from '@cornerstonejs/core';
import { flippedDirections } from './cpuCamera';
import {
  GreyTable,
  drawGreyscale,
  type CanvasArea,
  type CanvasToImage,
  type GreyMapping,
} from './greyscaleCanvas';
import { halfPixel, indexToWorld, worldToIndex, type ImagePlane } from './pixelCentres';
import { sameImageGrid, windowForNewImage, type ImageGrid, type VoiRange } from './stackImages';

/**
 * Cornerstone 5's CPU drawing path (a stack viewport with CPU rendering) sets up each newly shown image
 * by merging the previous image's drawing settings over the new image's defaults, the previous ones
 * winning. In a stack that mixes images (the codec study: a 512² CT, a 256² MR, a 1024×1280 CR):
 * - the window: the new image was drawn with the previous image's window while getProperties().voiRange,
 *   which the overlay shows, reported the new image's own (the MR drawn at the CT's 40/400 under
 *   "W 40000 L 20000": correlation 0.85 with dcmtk); after the user had set a window, the overlay
 *   reported the image's own again while the user's was drawn;
 * - the geometry: the new image kept the previous one's scale and displayed area, so a smaller image
 *   was drawn small in a corner and a larger one cropped to the previous image's size;
 * - the inversion: a new stack was drawn with its first image's own (MONOCHROME1 inverted) while
 *   getProperties() reported the previous stack's, so the viewer took it for the user's inversion and
 *   drew the next, colour image as a negative.
 * And for every image: its world↔canvas conversions missed the drawn pixels by half a pixel
 * (measurements, the probe and the image's outline placed half a pixel up and left, pixelCentres.ts),
 * a flip left the camera's directions, hence the orientation letters, as they were, and a greyscale
 * image was windowed before it was enlarged, which dims small bright structures (greyscaleCanvas.ts).
 *
 * This applies the WebGL path's rules instead (stackImages.ts): the user's window until the viewport
 * is reset, otherwise each image's own; an image of another size or pixel spacing is fitted to the
 * viewport, keeping flips; the inversion reported is the one drawn; world positions meet the drawn
 * pixels' centres; flips turn the camera; greyscale images are interpolated, then windowed, at the
 * canvas's own resolution. Only for viewports that draw on the CPU; returns the function that undoes it.
 */
export function keepCpuDrawingTrue(viewport: StackViewport, element: HTMLElement): () => void {
  const undoCentres = keepPixelCentresTrue(viewport);
  const undoFlips = keepCameraFlipsTrue(viewport);
  const undoStack = keepStackTrue(viewport, element);
  const undoGreyscale = drawGreyscaleAsGraphicsCards(viewport);
  return () => {
    undoGreyscale();
    undoStack();
    undoFlips();
    undoCentres();
  };
}

/**
 * The CPU path mirrors the image on a flip but reports the camera's directions unflipped, so the
 * orientation letters stayed where they were (cpuCamera.ts turns them as the WebGL path does). Its
 * camera reset undid the flips without saying so and kept the rotation; the WebGL path's undoes both.
 */
function keepCameraFlipsTrue(viewport: StackViewport): () => void {
  const target = viewport as unknown as {
    getCamera: StackViewport['getCamera'];
    resetCamera: StackViewport['resetCamera'];
  };
  const original = { getCamera: target.getCamera, resetCamera: target.resetCamera };
  const cameraOf = original.getCamera.bind(viewport);
  const resetCamera = original.resetCamera.bind(viewport);
  target.getCamera = () => {
    const camera = cameraOf();
    const drawn = cpuDrawingState(viewport);
    const flipHorizontal = drawn?.hflip ?? false;
    const flipVertical = drawn?.vflip ?? false;
    const { viewPlaneNormal, viewUp } = camera;
    if (!viewPlaneNormal || !viewUp || (!flipHorizontal && !flipVertical)) return camera;
    return {
      ...camera,
      flipHorizontal,
      flipVertical,
      ...flippedDirections(
        { viewPlaneNormal, viewUp },
        { flipHorizontal, flipVertical, rotation: viewport.getRotation() ?? 0 },
      ),
    };
  };
  target.resetCamera = (options) => {
    const done = resetCamera(options);
    if (viewport.getRotation()) viewport.setViewPresentation({ rotation: 0 });
    // The reset cleared the drawn flips; this tells the viewport, whose own record kept them.
    viewport.setCamera({ flipHorizontal: false, flipVertical: false });
    return done;
  };
  return () => Object.assign(target, original);
}

/** Window and geometry of each newly shown image, as the WebGL path sets them. */
function keepStackTrue(viewport: StackViewport, element: HTMLElement): () => void {
  let userRange: VoiRange | undefined;
  let shownGrid: ImageGrid | undefined;
  const setProperties = viewport.setProperties.bind(viewport);
  const resetProperties = viewport.resetProperties.bind(viewport);

  // Every window change from outside (presets, the window/level tool) goes through setProperties;
  // a reset returns to each image's own window.
  viewport.setProperties = (properties = {}, suppressEvents) => {
    setProperties(properties, suppressEvents);
    if (properties.voiRange) userRange = { ...properties.voiRange };
  };
  viewport.resetProperties = () => {
    userRange = undefined;
    resetProperties();
  };

  // STACK_NEW_IMAGE comes before the CPU path sets up the new image, and the drawing waits for the
  // next animation frame: a microtask runs between the two, so the first draw is already right.
  const onNewImage = (event: Event) => {
    const { image } = (event as Types.EventTypes.StackNewImageEvent).detail;
    queueMicrotask(() => {
      if (viewport.getCornerstoneImage() !== image) return;
      const range = windowForNewImage(userRange, image);
      if (range) setProperties({ voiRange: range }, true);
      // A new stack starts from the image's own inversion (MONOCHROME1) while getProperties() still
      // reports the previous stack's, which would be taken for the user's choice on the next image.
      const drawnInvert = cpuDrawingState(viewport)?.invert;
      if (drawnInvert !== undefined && drawnInvert !== viewport.getProperties().invert)
        setProperties({ invert: drawnInvert }, true);
      if (shownGrid && !sameImageGrid(shownGrid, image)) {
        const { flipHorizontal, flipVertical } = viewport.getCamera();
        const rotation = viewport.getRotation();
        viewport.resetCamera();
        if (rotation) viewport.setViewPresentation({ rotation });
        if (flipHorizontal || flipVertical) viewport.setCamera({ flipHorizontal, flipVertical });
      }
      const { columns, rows, columnPixelSpacing, rowPixelSpacing } = image;
      shownGrid = { columns, rows, columnPixelSpacing, rowPixelSpacing };
    });
  };
  element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  return () => {
    element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
    viewport.setProperties = setProperties;
    viewport.resetProperties = resetProperties;
  };
}

/** What the CPU path draws the current image with (Cornerstone keeps it private). */
interface CpuDrawingState {
  invert?: boolean;
  hflip?: boolean;
  vflip?: boolean;
  voi?: { windowWidth?: number; windowCenter?: number };
  colormap?: unknown;
  modalityLUT?: unknown;
  voiLUT?: unknown;
}

/** The parts of a decoded Cornerstone image the greyscale drawing reads. */
interface DecodedImage {
  color?: boolean;
  columns: number;
  rows: number;
  slope?: number;
  intercept?: number;
  minPixelValue?: number;
  maxPixelValue?: number;
  preScale?: { scaled?: boolean };
  voxelManager?: { getScalarData(): ArrayLike<number> };
}

/**
 * How a greyscale image maps to greys on the CPU path, as the WebGL path maps it; undefined for what
 * Cornerstone's own drawing keeps: colour, pseudo-colour, and modality or VOI lookup tables.
 */
function greyMappingOf(
  image: DecodedImage,
  drawn: CpuDrawingState,
  voiFunction: string | undefined,
): GreyMapping | undefined {
  if (image.color || drawn.colormap || drawn.modalityLUT || drawn.voiLUT) return undefined;
  const prescaled = image.preScale?.scaled === true;
  const slope = prescaled ? 1 : (image.slope ?? 1);
  const intercept = prescaled ? 0 : (image.intercept ?? 0);
  let width = drawn.voi?.windowWidth;
  let centre = drawn.voi?.windowCenter;
  if (width === undefined || centre === undefined) {
    // No window in the file nor from the user: the full range of the image, as Cornerstone does.
    const low = (image.minPixelValue ?? 0) * slope + intercept;
    const high = (image.maxPixelValue ?? 0) * slope + intercept;
    width = high - low;
    centre = (high + low) / 2;
  }
  // The range the viewport reports (toWindowLevel's inverse): drawn exactly as WebGL draws it.
  const lower = centre - 0.5 - (width - 1) / 2;
  return {
    slope,
    intercept,
    lower,
    upper: lower + width - 1,
    voiFunction: voiFunction === 'SIGMOID' ? 'SIGMOID' : 'LINEAR',
    invert: drawn.invert === true,
  };
}

const sameArea = (a: CanvasArea, b: CanvasArea) =>
  a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

/** Snaps numerical dust to zero, so that an unrotated view takes the faster row-by-row drawing. */
const tidy = (value: number, size: number) => (Math.abs(value) < 1e-9 * size ? 0 : value);

/**
 * The image position (column, row) of each canvas pixel (device pixels), from the viewport's own
 * world↔canvas conversion (with its pixel-centre correction), so that the drawn pixels lie exactly
 * where the tools and measurements place them.
 */
function canvasToImageOf(viewport: StackViewport, plane: ImagePlane): CanvasToImage | undefined {
  const ratio = window.devicePixelRatio || 1;
  const at = (column: number, row: number) => {
    const [x, y] = viewport.worldToCanvas(indexToWorld(plane, [column, row, 0]));
    return [x * ratio, y * ratio] as const;
  };
  const [x0, y0] = at(0, 0);
  const [xc, yc] = at(1, 0);
  const [xr, yr] = at(0, 1);
  const [m00, m10, m01, m11] = [xc - x0, yc - y0, xr - x0, yr - y0];
  const det = m00 * m11 - m01 * m10;
  if (!Number.isFinite(det) || det === 0) return undefined;
  const size = Math.max(Math.abs(m00), Math.abs(m01), Math.abs(m10), Math.abs(m11)) / Math.abs(det);
  const a = tidy(m11 / det, size);
  const c = tidy(-m01 / det, size);
  const b = tidy(-m10 / det, size);
  const d = tidy(m00 / det, size);
  return [a, b, c, d, -(a * x0 + c * y0), -(b * x0 + d * y0)];
}

/**
 * Draws greyscale images as the WebGL path does (greyscaleCanvas.ts) in place of Cornerstone's CPU
 * drawing, which windows the stored pixels into an 8-bit image and lets the canvas enlarge that.
 * Colour and lookup-table images keep Cornerstone's drawing.
 */
function drawGreyscaleAsGraphicsCards(viewport: StackViewport): () => void {
  type Internals = {
    customRenderViewportToCanvas: () => unknown;
    _cpuFallbackEnabledElement?: {
      image?: DecodedImage;
      viewport?: CpuDrawingState;
      invalid?: boolean;
      needsRedraw?: boolean;
    };
    VOILUTFunction?: string;
    viewportStatus?: unknown;
    renderingEngineId: string;
  };
  const target = viewport as unknown as Internals;
  const original = target.customRenderViewportToCanvas;
  const table = new GreyTable();
  let converted: { image: DecodedImage; pixels: Float32Array } | undefined;
  let canvasPixels: { data: ImageData; words: Uint32Array; area?: CanvasArea } | undefined;

  const storedPixels = (image: DecodedImage): Float32Array | undefined => {
    if (converted?.image === image) return converted.pixels;
    const source = image.voxelManager?.getScalarData();
    const count = image.columns * image.rows;
    if (!source || source.length !== count) return undefined;
    const pixels = converted?.pixels.length === count ? converted.pixels : new Float32Array(count);
    // A native conversion of any typed array; the drawing loop then sees only 32-bit floats.
    pixels.set(source);
    converted = { image, pixels };
    return pixels;
  };

  target.customRenderViewportToCanvas = () => {
    const enabled = target._cpuFallbackEnabledElement;
    const image = enabled?.image;
    const drawn = enabled?.viewport;
    const { canvas } = viewport;
    const mapping = image && drawn && greyMappingOf(image, drawn, target.VOILUTFunction);
    const data = mapping && viewport.getImageData();
    const affine = data && canvasToImageOf(viewport, data);
    const pixels = affine && storedPixels(image!);
    const context = canvas.width > 0 && canvas.height > 0 ? canvas.getContext('2d') : null;
    if (!enabled || !mapping || !affine || !pixels || !context) {
      // Cornerstone draws this one: the whole canvas is copied again at the next greyscale image.
      if (canvasPixels) canvasPixels.area = undefined;
      return original();
    }

    const { width, height } = canvas;
    if (canvasPixels?.data.width !== width || canvasPixels.data.height !== height) {
      const imageData = new ImageData(width, height);
      canvasPixels = { data: imageData, words: new Uint32Array(imageData.data.buffer) };
    }
    table.prepare(mapping);
    const area = drawGreyscale(
      { pixels, columns: image!.columns, rows: image!.rows },
      table,
      affine,
      canvasPixels.words,
      width,
      height,
    );
    // Where the image covers the same area as in the previous frame, the black around it is on the
    // canvas already: only the image's area is copied.
    const last = canvasPixels.area;
    if (last && sameArea(last, area)) {
      const { left, top, right, bottom } = area;
      if (right > left && bottom > top)
        context.putImageData(canvasPixels.data, 0, 0, left, top, right - left, bottom - top);
    } else context.putImageData(canvasPixels.data, 0, 0);
    canvasPixels.area = area;
    enabled.invalid = false;
    enabled.needsRedraw = false;
    return {
      canvas,
      element: viewport.element,
      viewportId: viewport.id,
      renderingEngineId: target.renderingEngineId,
      viewportStatus: target.viewportStatus,
    };
  };
  return () => {
    target.customRenderViewportToCanvas = original;
  };
}

function cpuDrawingState(viewport: StackViewport): CpuDrawingState | undefined {
  return (viewport as unknown as { _cpuFallbackEnabledElement?: { viewport?: CpuDrawingState } })
    ._cpuFallbackEnabledElement?.viewport;
}

/**
 * Moves the CPU viewport's world↔canvas conversions by half a pixel so that a pixel's world position
 * falls on the centre of the pixel drawn for it. The CPU path's own camera code converts through the
 * same functions (its "CPU" variants), so both names are replaced and it stays self-consistent; the
 * image data's index↔world conversions, which it derives from the canvas, are computed on the plane.
 */
function keepPixelCentresTrue(viewport: StackViewport): () => void {
  // The conversions are instance properties chosen per rendering path; their "CPU" variants too.
  type Conversions = {
    worldToCanvas: (world: Types.Point3) => Types.Point2;
    canvasToWorld: (canvas: Types.Point2, world?: Types.Point3) => Types.Point3;
    worldToCanvasCPU: (world: Types.Point3) => Types.Point2;
    canvasToWorldCPU: (canvas: Types.Point2, world?: Types.Point3) => Types.Point3;
    getImageData: () => Types.CPUIImageData | undefined;
  };
  const target = viewport as unknown as Conversions;
  const original = {
    worldToCanvas: target.worldToCanvasCPU,
    canvasToWorld: target.canvasToWorldCPU,
    getImageData: target.getImageData,
  };
  const imageDataOf = original.getImageData.bind(viewport);
  const shift = (): Types.Point3 => {
    const data = imageDataOf();
    return data ? halfPixel(data) : [0, 0, 0];
  };
  const worldToCanvas = (world: Types.Point3): Types.Point2 => {
    const [x, y, z] = shift();
    return original.worldToCanvas([world[0] + x, world[1] + y, world[2] + z]);
  };
  const canvasToWorld = (canvas: Types.Point2, world: Types.Point3 = [0, 0, 0]): Types.Point3 => {
    const result = original.canvasToWorld(canvas, world);
    if (!result) return result;
    const [x, y, z] = shift();
    result[0] -= x;
    result[1] -= y;
    result[2] -= z;
    return result;
  };
  const getImageData: Conversions['getImageData'] = () => {
    const data = imageDataOf();
    if (!data?.imageData) return data;
    const plane = { origin: data.origin, direction: data.direction, spacing: data.spacing };
    const imageData = Object.create(data.imageData) as Types.CPUImageData;
    imageData.worldToIndex = (world: Types.Point3) => worldToIndex(plane, world);
    imageData.indexToWorld = (index: Types.Point3, out?: Types.Point3) => {
      const world = indexToWorld(plane, index);
      if (!out) return world;
      out[0] = world[0];
      out[1] = world[1];
      out[2] = world[2];
      return out;
    };
    return { ...data, imageData };
  };
  Object.assign(target, {
    worldToCanvas,
    canvasToWorld,
    worldToCanvasCPU: worldToCanvas,
    canvasToWorldCPU: canvasToWorld,
    getImageData,
  });
  return () =>
    Object.assign(target, {
      worldToCanvas: original.worldToCanvas,
      canvasToWorld: original.canvasToWorld,
      worldToCanvasCPU: original.worldToCanvas,
      canvasToWorldCPU: original.canvasToWorld,
      getImageData: original.getImageData,
    });
}
