import { Enums, type StackViewport, type Types } from '@cornerstonejs/core';
import { flippedDirections } from './cpuCamera';
import { halfPixel, indexToWorld, worldToIndex } from './pixelCentres';
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
 * and a flip left the camera's directions, hence the orientation letters, as they were.
 *
 * This applies the WebGL path's rules instead (stackImages.ts): the user's window until the viewport
 * is reset, otherwise each image's own; an image of another size or pixel spacing is fitted to the
 * viewport, keeping flips; the inversion reported is the one drawn; world positions meet the drawn
 * pixels' centres; flips turn the camera. Only for viewports that draw on the CPU; returns the function
 * that undoes it.
 */
export function keepCpuDrawingTrue(viewport: StackViewport, element: HTMLElement): () => void {
  const undoCentres = keepPixelCentresTrue(viewport);
  const undoFlips = keepCameraFlipsTrue(viewport);
  const undoStack = keepStackTrue(viewport, element);
  return () => {
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
