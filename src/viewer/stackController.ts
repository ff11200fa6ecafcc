import {
  Enums,
  cache,
  eventTarget,
  getShouldUseCPURendering,
  imageLoader,
  metaData,
  type StackViewport,
  type Types,
} from '@cornerstonejs/core';
// The prefetcher alone, by its own entry: the package entry would bring every tool before the first image.
import { stackPrefetch } from '@cornerstonejs/tools/utilities/stackPrefetch/index';
import { getString } from '../dicom';
import { keepCpuDrawingTrue } from './cpuDrawing';
import { frameTransferSyntax, registerMetadata, renderingEngine } from './engine';
import { imageOfDecodedPixels } from './decodedImage';
import { cineRateOf, hasPixelSpacing } from './imageFacts';
import { describeImageLoadError } from './imageLoadError';
import { stackTools } from './lazyTools';
import { edgeMarkers, type Vector3 } from './orientation';
import { seriesRetrievalOf, type SeriesRetrieval } from './seriesRetrieval';
import type { StackImage } from './stackOrder';
import type { ViewportAction } from './tools';
import type { SeriesProgress } from './useSeriesProgress';
import type { ViewportDisplay } from './useViewportStore';
import { WheelPacer } from './wheelPacing';
import { rangeFromWindow, windowFromRange, type DisplayWindow } from './windowLevel';
import { windowPresets } from './windowPresets';

const { Events } = Enums;

/** How long a wheel step waits for its image before the next notch is taken anyway. */
const WHEEL_STEP_WAIT_MS = 250;

let controllersCreated = 0;

/** How often the series browser's progress bar moves while a series loads; its transition's length. */
const PROGRESS_INTERVAL_MS = 250;

/** Marks when the first image of a series is drawn, for measurements (performance.getEntriesByName). */
export const FIRST_IMAGE_MARK = 'fovea:first-image-rendered';

/**
 * One Cornerstone stack viewport on one element: shows a series, streams the rest of it in, and
 * reports what is on screen through `report`. All Cornerstone calls for a viewport live here.
 */
export class StackController {
  private readonly viewport: StackViewport;
  private stack: readonly StackImage[] = [];
  private imageIds: string[] = [];
  private imageIdSet = new Set<string>();
  private seriesInstanceUid: string | undefined;
  /** Increases with every show(), so that answers for an earlier series are ignored. */
  private generation = 0;
  private firstImagePending = false;
  /** The stack is set for this generation: the rest of the series may stream in once its image is drawn. */
  private stackSetFor: number | undefined;
  /** The mouse tools know this viewport (they load after the first image, lazyTools.ts). */
  private toolsAttached = false;
  private destroyed = false;
  /** The stack index of the image on the canvas (after a failed load, the canvas still has the last one). */
  private displayedIndex: number | undefined;
  private readonly cleanups: Array<() => void> = [];
  /** Whether the user inverted the greys, relative to the file's own presentation (MONOCHROME1 is inverted). */
  private userInverted = false;
  /**
   * Cornerstone's id for this viewport, new for every controller: loads still running for a destroyed
   * viewport (a remount, a series without images in between) then cannot reach its successor, which
   * would otherwise share the id and have its camera reset to the old element's size.
   */
  private readonly viewportId: string;
  /** Image ids of the stack that are decoded and cached, for the progress bar. */
  private loadedIds = new Set<string>();
  private progressTimer: number | undefined;
  private progressReportedAt = -Infinity;
  private cineRate = 0;
  private cinePlaying = false;
  private readonly wheel = new WheelPacer();
  /** Frees the wheel when a step's image never comes (a load that fails). */
  private wheelTimer: number | undefined;
  /** Stops taking the frames of the series' one-answer retrieval (seriesRetrieval.ts). */
  private stopTakingFrames: (() => void) | undefined;

  constructor(
    name: string,
    private readonly element: HTMLDivElement,
    private readonly report: (patch: Partial<ViewportDisplay>) => void,
    private readonly reportProgress: (seriesInstanceUid: string, progress: SeriesProgress) => void,
  ) {
    const viewportId = `${name}-${++controllersCreated}`;
    this.viewportId = viewportId;
    const engine = renderingEngine();
    engine.enableElement({
      viewportId,
      type: Enums.ViewportType.STACK,
      element,
      defaultOptions: { background: [0, 0, 0] },
    });
    this.viewport = engine.getViewport<StackViewport>(viewportId);
    if (getShouldUseCPURendering()) this.cleanups.push(keepCpuDrawingTrue(this.viewport, element));

    this.listen(element, Events.STACK_NEW_IMAGE, (event) => {
      const { imageIdIndex } = (event as Types.EventTypes.StackNewImageEvent).detail;
      this.displayedIndex = imageIdIndex;
      this.keepInversionTrueToImage();
      // The image is decoded and drawn on the next animation frame, which reports it (IMAGE_RENDERED):
      // until then the previous image is on screen, and one report per image keeps scrolling light.
      // The first image of a series has no previous one.
      if (this.firstImagePending)
        this.report({ imageIndex: imageIdIndex, status: 'loading', error: undefined });
    });
    this.listen(element, Events.IMAGE_RENDERED, () => {
      this.userInverted = this.viewport.getProperties().invert !== this.isMonochrome1();
      this.onRendered();
      // After the report of the image drawn: the next step changes the viewport's current image.
      if (this.wheel.awaiting) this.stepByWheel(this.wheel.drawn());
    });
    this.listen(element, Events.VOI_MODIFIED, () =>
      this.report({ window: this.currentWindow(), inverted: this.viewport.getProperties().invert ?? false }),
    );
    this.listen(element, Events.CAMERA_MODIFIED, () => this.report({ markers: this.currentMarkers() }));
    this.listen(eventTarget, Events.IMAGE_CACHE_IMAGE_ADDED, (event) => {
      const imageId = (event as CustomEvent<{ image?: { imageId?: string } }>).detail.image?.imageId;
      if (imageId && this.imageIdSet.has(imageId) && !this.loadedIds.has(imageId)) {
        this.loadedIds.add(imageId);
        this.scheduleProgress();
      }
    });
    this.listen(eventTarget, Events.IMAGE_LOAD_ERROR, (event) => this.onLoadError(event as CustomEvent));
    // The right button zooms; the browser's menu would cover the image.
    this.listen(element, 'contextmenu', (event) => event.preventDefault());
    // The wheel moves through the stack from the first image on, paced to the display (wheelPacing.ts).
    this.listen(element, 'wheel', (event) => this.onWheel(event as WheelEvent), { passive: false });
  }

  /** Shows a series from `initialIndex`; the first image is drawn as soon as it is decoded. */
  async show(seriesInstanceUid: string, stack: readonly StackImage[], initialIndex = 0): Promise<void> {
    const generation = ++this.generation;
    this.stackSetFor = undefined;
    this.stopTakingFrames?.();
    stackPrefetch.disable(this.element);
    this.seriesInstanceUid = seriesInstanceUid;
    this.stack = stack;
    this.imageIds = stack.map((image) => image.imageId);
    this.imageIdSet = new Set(this.imageIds);
    for (const image of stack) registerMetadata(image.imageId, image.instance);
    this.stopCine();
    this.wheel.clear();
    this.loadedIds = new Set(this.imageIds.filter((id) => cache.isLoaded(id)));
    this.scheduleProgress();
    const first = stack[0]?.instance.dataset ?? {};
    this.cineRate = cineRateOf(first);
    const index = Math.min(Math.max(0, initialIndex), Math.max(0, stack.length - 1));
    this.firstImagePending = true;
    this.displayedIndex = undefined;
    this.userInverted = false;
    performance.clearMarks(FIRST_IMAGE_MARK);
    this.report({
      seriesInstanceUid,
      status: 'loading',
      imageIndex: index,
      imageCount: stack.length,
      window: undefined,
      error: undefined,
      presets: windowPresets(first, getString(first, 'Modality')),
      inverted: false,
      cinePlaying: false,
      cineRate: this.cineRate,
      markers: undefined,
      hasPixelSpacing: hasPixelSpacing(first),
    });
    try {
      await this.viewport.setStack(this.imageIds, index);
    } catch (error) {
      if (generation === this.generation)
        this.report({ status: 'error', error: describeImageLoadError(error) });
      return;
    }
    if (generation !== this.generation) return;
    this.stackSetFor = generation;
    // Drawn already (the image was in the cache): the rest may come now.
    if (!this.firstImagePending) this.streamSeries();
  }

  /**
   * The rest of the series streams in once the first image is on screen, so that answers and decoding
   * of the other images do not delay drawing it: the frames of the series' one answer are taken into
   * the image cache as they arrive, and when that answer has ended, Cornerstone's prefetch fetches,
   * nearest to the shown image first, whatever it did not give (compressed images, a failed or stopped
   * answer).
   */
  private streamSeries(): void {
    if (this.stackSetFor !== this.generation || !this.seriesInstanceUid) return;
    const retrieval = seriesRetrievalOf(this.seriesInstanceUid);
    if (!retrieval) {
      stackPrefetch.enable(this.element);
      return;
    }
    const generation = this.generation;
    this.stopTakingFrames?.();
    this.stopTakingFrames = retrieval.deliverTo((imageId) => this.takeRetrieved(imageId, retrieval));
    void retrieval.ended.then(() => {
      if (generation === this.generation && !this.destroyed) stackPrefetch.enable(this.element);
    });
  }

  /**
   * Takes a frame that came in the series' answer into the image cache. A frame the worker decoded
   * becomes an image at once; one it could not is decoded by the image loader, behind the images a
   * user asks for (prefetch requests wait for interaction ones in the decoding queue). One already
   * loaded or loading, the first image above all, is not taken twice: its frame is let go.
   */
  private takeRetrieved(imageId: string, retrieval: SeriesRetrieval): void {
    if (!this.imageIdSet.has(imageId) || cache.getImageLoadObject(imageId)) {
      retrieval.drop(imageId);
      return;
    }
    const decoded = retrieval.takeDecoded(imageId);
    if (decoded) {
      const image = imageOfDecodedPixels(imageId, decoded.pixels, decoded.transferSyntaxUid);
      try {
        if (image) cache.putImageSync(imageId, image);
      } catch {
        // Not cached (the cache is full of images in use): fetched when it is shown or prefetched.
      }
      return;
    }
    imageLoader
      .loadAndCacheImage(imageId, { requestType: Enums.RequestType.Prefetch, priority: 0 })
      // A frame that fails to decode is fetched again by the prefetch after the answer.
      .catch(() => undefined);
  }

  /** Moves through the stack; images not decoded yet are fetched with priority. */
  scroll(delta: number): void {
    if (this.imageIds.length) this.viewport.scroll(delta);
  }

  private onWheel(event: WheelEvent): void {
    if (event.deltaY === 0) return;
    event.preventDefault();
    this.stepByWheel(this.wheel.notch(event.deltaY > 0 ? 1 : -1));
  }

  /** Takes a paced step; the next waits until its image is drawn (IMAGE_RENDERED). */
  private stepByWheel(step: number): void {
    window.clearTimeout(this.wheelTimer);
    if (step === 0) return;
    const before = this.viewport.getTargetImageIdIndex();
    this.scroll(step);
    // At either end of the stack nothing more will be drawn: what is queued is dropped.
    if (this.viewport.getTargetImageIdIndex() === before) this.wheel.clear();
    else this.wheelTimer = window.setTimeout(() => this.stepByWheel(this.wheel.drawn()), WHEEL_STEP_WAIT_MS);
  }

  jumpTo(index: number): void {
    if (!this.imageIds.length) return;
    const target = Math.min(Math.max(0, index), this.imageIds.length - 1);
    void this.viewport.setImageIdIndex(target).catch(() => undefined);
  }

  /** The toolbar's buttons that change how the active viewport shows its image. */
  apply(action: ViewportAction): void {
    if (!this.imageIds.length) return;
    const viewport = this.viewport;
    switch (action) {
      case 'invert':
        viewport.setProperties({ invert: !viewport.getProperties().invert });
        break;
      case 'rotate': {
        const rotation = viewport.getViewPresentation().rotation ?? 0;
        viewport.setViewPresentation({ rotation: (rotation + 90) % 360 });
        break;
      }
      case 'flipHorizontal':
        viewport.setCamera({ flipHorizontal: !viewport.getCamera().flipHorizontal });
        break;
      case 'flipVertical':
        viewport.setCamera({ flipVertical: !viewport.getCamera().flipVertical });
        break;
      case 'reset':
        viewport.resetProperties();
        viewport.resetCamera();
        break;
      case 'clearMeasurements':
        this.clearMeasurements();
        break;
      case 'cine':
        if (this.cinePlaying) this.stopCine();
        else this.playCine();
        return;
    }
    viewport.render();
    this.report({
      window: this.currentWindow(),
      inverted: viewport.getProperties().invert ?? false,
      markers: this.currentMarkers(),
    });
  }

  setWindow(window: DisplayWindow): void {
    if (!this.imageIds.length) return;
    this.viewport.setProperties({ voiRange: rangeFromWindow(window) });
    this.viewport.render();
  }

  setCineRate(framesPerSecond: number): void {
    this.cineRate = framesPerSecond;
    this.report({ cineRate: framesPerSecond });
    if (this.cinePlaying) this.playCine();
  }

  resize(): void {
    renderingEngine().resize(true, true);
  }

  destroy(): void {
    this.generation += 1;
    this.stopCine();
    window.clearTimeout(this.progressTimer);
    window.clearTimeout(this.wheelTimer);
    this.stopTakingFrames?.();
    stackPrefetch.disable(this.element);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.destroyed = true;
    const engine = renderingEngine();
    if (this.toolsAttached) stackTools.loaded()?.detachViewport(this.viewportId, engine.id);
    engine.disableElement(this.viewportId);
  }

  private onRendered(): void {
    const imageIndex = this.displayedIndex;
    // A redraw of an older image (window/level, resize) while the wanted one failed is not "ready".
    if (imageIndex === undefined || imageIndex !== this.viewport.getCurrentImageIdIndex()) {
      this.report({ window: this.currentWindow() });
      return;
    }
    if (this.firstImagePending) {
      this.firstImagePending = false;
      performance.mark(FIRST_IMAGE_MARK, { detail: { seriesInstanceUid: this.seriesInstanceUid } });
      this.streamSeries();
      this.attachTools();
    }
    this.publishImageRect();
    this.report({
      // Ready for work: drawn, and the mouse tools listen (they load after the first image).
      status: this.toolsAttached ? 'ready' : 'loading',
      imageIndex,
      window: this.currentWindow(),
      error: undefined,
      markers: this.currentMarkers(),
    });
  }

  /**
   * Cornerstone keeps one "invert" for a stack and sets it from the first MONOCHROME1 image it meets:
   * in a stack that mixes MONOCHROME1 with other images (a codec test series, a CR series reprocessed
   * by another workstation), the images after a MONOCHROME1 one were shown as negatives, and a
   * MONOCHROME1 image of the same size as the one before it as a positive. Each new image is shown as
   * its photometric interpretation says, with the user's own inversion kept.
   */
  private keepInversionTrueToImage(): void {
    const wanted = this.isMonochrome1() !== this.userInverted;
    if (this.viewport.getProperties().invert !== wanted) this.viewport.setProperties({ invert: wanted });
  }

  private isMonochrome1(): boolean {
    const imageId = this.viewport.getCurrentImageId();
    const pixelModule = imageId
      ? (metaData.get('imagePixelModule', imageId) as { photometricInterpretation?: string } | undefined)
      : undefined;
    return pixelModule?.photometricInterpretation === 'MONOCHROME1';
  }

  /**
   * Puts where the image is drawn on the element as data-image-rect ("left top right bottom" of the
   * image's outer edges, CSS pixels of the canvas): the rendering tests compare the canvas with a
   * reference rendering of the same pixels, and the fitted image's place depends on the viewport's size
   * and camera.
   */
  private publishImageRect(): void {
    const data = this.viewport.getImageData();
    const indexToWorld = data?.imageData.indexToWorld?.bind(data.imageData);
    if (!data || !indexToWorld) return;
    const [columns, rows] = data.dimensions;
    const corner = (column: number, row: number) =>
      this.viewport.worldToCanvas(indexToWorld([column, row, 0]) as Types.Point3);
    const [left, top] = corner(-0.5, -0.5);
    const [right, bottom] = corner(columns - 0.5, rows - 0.5);
    const rect = [left, top, right, bottom].map((v) => v.toFixed(2)).join(' ');
    if (this.element.dataset.imageRect !== rect) this.element.dataset.imageRect = rect;
  }

  /** Loads the mouse tools (once for the page) and gives them this viewport. */
  private attachTools(): void {
    if (this.toolsAttached) return;
    stackTools
      .load()
      .then((tools) => {
        if (this.destroyed || this.toolsAttached) return;
        tools.attachViewport(this.viewportId, this.element, renderingEngine().id);
        this.toolsAttached = true;
        if (
          this.displayedIndex !== undefined &&
          this.displayedIndex === this.viewport.getCurrentImageIdIndex()
        )
          this.onRendered();
      })
      .catch((error: unknown) => {
        if (!this.destroyed)
          this.report({ status: 'error', error: `The viewer's tools could not be loaded. ${String(error)}` });
      });
  }

  private onLoadError(event: CustomEvent): void {
    const detail = event.detail as { imageId?: string; imageIdIndex?: number; error?: unknown } | undefined;
    if (!detail?.imageId) return;
    const index = this.imageIds.indexOf(detail.imageId);
    // Only the image the user is waiting for; a failed prefetch shows when it is scrolled to.
    if (index < 0 || index !== this.viewport.getCurrentImageIdIndex()) return;
    const status = (detail.error as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && frameTransferSyntax.fallBack(detail.imageId, status)) {
      this.showAgain(detail.imageId, index);
      return;
    }
    this.report({ status: 'error', imageIndex: index, error: describeImageLoadError(detail.error) });
  }

  /**
   * Shows the series again from `index` once the failed load has left the image cache (the cache
   * drops it in a promise callback after this event), so that the image is fetched anew.
   */
  private showAgain(failedImageId: string, index: number): void {
    const generation = this.generation;
    const seriesInstanceUid = this.seriesInstanceUid;
    setTimeout(() => {
      if (generation !== this.generation || !seriesInstanceUid) return;
      if (cache.getImageLoadObject(failedImageId))
        cache.removeImageLoadObject(failedImageId, { force: true });
      void this.show(seriesInstanceUid, this.stack, index);
    }, 0);
  }

  private playCine(): void {
    const tools = stackTools.loaded();
    if (this.imageIds.length < 2 || !tools) return;
    tools.playCine(this.element, this.cineRate);
    this.cinePlaying = true;
    this.report({ cinePlaying: true });
  }

  private stopCine(): void {
    if (!this.cinePlaying) return;
    stackTools.loaded()?.stopCine(this.element);
    this.cinePlaying = false;
    this.report({ cinePlaying: false });
  }

  /** Deletes the measurements drawn on this viewport's images; other viewports keep theirs. */
  private clearMeasurements(): void {
    stackTools.loaded()?.clearMeasurements(this.imageIdSet);
  }

  /**
   * A few store updates a second while a series streams in, not one per decoded image or per
   * animation frame: each update re-renders the series browser on the main thread that also takes in
   * the frames. The bar glides between updates (viewer.css); the last image is reported at once.
   */
  private scheduleProgress(): void {
    if (this.loadedIds.size >= this.imageIds.length) {
      window.clearTimeout(this.progressTimer);
      this.progressTimer = undefined;
      this.publishProgress();
      return;
    }
    if (this.progressTimer !== undefined) return;
    const wait = Math.max(0, this.progressReportedAt + PROGRESS_INTERVAL_MS - performance.now());
    this.progressTimer = window.setTimeout(() => {
      this.progressTimer = undefined;
      this.publishProgress();
    }, wait);
  }

  private publishProgress(): void {
    this.progressReportedAt = performance.now();
    if (this.seriesInstanceUid)
      this.reportProgress(this.seriesInstanceUid, {
        loaded: this.loadedIds.size,
        total: this.imageIds.length,
      });
  }

  /** Orientation letters from the camera, only for images that state their orientation. */
  private currentMarkers() {
    const index = this.viewport.getCurrentImageIdIndex();
    if (!this.stack[index]?.instance.imageOrientationPatient) return undefined;
    const { viewUp, viewPlaneNormal } = this.viewport.getCamera();
    if (!viewUp || !viewPlaneNormal) return undefined;
    return edgeMarkers(viewUp as unknown as Vector3, viewPlaneNormal as unknown as Vector3);
  }

  private currentWindow() {
    const range = this.viewport.getProperties().voiRange;
    return range ? windowFromRange(range.lower, range.upper) : undefined;
  }

  private listen(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, options);
    this.cleanups.push(() => target.removeEventListener(type, handler, options));
  }
}
