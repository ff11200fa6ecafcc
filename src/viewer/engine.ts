import {
  Enums as CoreEnums,
  RenderingEngine,
  cache,
  eventTarget,
  getRenderingCapabilities,
  getRenderingEngine,
  init as initCore,
  setUseCPURendering,
} from '@cornerstonejs/core';
import dicomImageLoader, { type Types as LoaderTypes } from '@cornerstonejs/dicom-image-loader';
import {
  Enums as ToolEnums,
  PanTool,
  StackScrollTool,
  ToolGroupManager,
  WindowLevelTool,
  ZoomTool,
  addTool,
  init as initTools,
} from '@cornerstonejs/tools';
import type { InstanceMetadata } from '../dicom';
import { FrameTransferSyntaxPolicy } from './frameTransferSyntax';

/** How the viewer uses the machine; from config.json's `viewer` section. */
export interface ViewerSettings {
  cacheBytes: number;
  maxWebWorkers: number;
}

const RENDERING_ENGINE_ID = 'fovea';
const STACK_TOOL_GROUP_ID = 'fovea-stack';

let started = false;

/** Shared by the loader (which asks) and the viewports (which learn from failures). */
export const frameTransferSyntax = new FrameTransferSyntaxPolicy();

/**
 * Starts Cornerstone once per page load: core, tools, the DICOM image loader with its decoding
 * workers, the image cache budget, and the stack tools (left drag window/level, middle drag pan,
 * right drag zoom, wheel scroll).
 */
export function startEngine(settings: ViewerSettings): void {
  if (started) return;
  initCore();
  // Without a GPU (SwiftShader, llvmpipe, a virtual machine's basic display driver) WebGL runs on the
  // CPU and each frame is read back into the viewport's 2D canvas; Cornerstone's CPU path draws the
  // slice straight onto that canvas, several times faster there (README, "Performance").
  if (getRenderingCapabilities().softwareRasterizer) setUseCPURendering(true, false);
  initTools();
  dicomImageLoader.init({
    maxWebWorkers: settings.maxWebWorkers,
    beforeSend: (_xhr, imageId) => {
      const accept = frameTransferSyntax.acceptFor(imageId);
      return accept ? { Accept: accept } : undefined;
    },
  });
  cache.setMaxCacheSize(settings.cacheBytes);
  exposeImageCacheFigures();

  for (const tool of [WindowLevelTool, PanTool, ZoomTool, StackScrollTool]) addTool(tool);
  const group = ToolGroupManager.createToolGroup(STACK_TOOL_GROUP_ID);
  if (!group) throw new Error('The stack tool group could not be created');
  const { MouseBindings } = ToolEnums;
  group.addTool(WindowLevelTool.toolName);
  group.addTool(PanTool.toolName);
  group.addTool(ZoomTool.toolName);
  group.addTool(StackScrollTool.toolName);
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  started = true;
}

/** Counts of the decoded-image cache, read by `npm run bench` (bench/apps.ts); no pixels, no PHI. */
export interface ImageCacheFigures {
  /** Images decoded and held in the cache. */
  images(): number;
  /** Bytes the cache holds for them. */
  bytes(): number;
}

declare global {
  interface Window {
    /** Read-only figures of the decoded-image cache; present once the viewer engine has started. */
    readonly foveaImageCache?: ImageCacheFigures;
  }
}

/**
 * Publishes the cache's figures on `window.foveaImageCache`, so that a measurement outside the app can
 * tell when a series is decoded and how much memory it takes, without reaching into Cornerstone.
 */
function exposeImageCacheFigures(): void {
  let images = 0;
  eventTarget.addEventListener(CoreEnums.Events.IMAGE_CACHE_IMAGE_ADDED, () => (images += 1));
  eventTarget.addEventListener(CoreEnums.Events.IMAGE_CACHE_IMAGE_REMOVED, () => (images -= 1));
  const figures: ImageCacheFigures = { images: () => images, bytes: () => cache.getCacheSize() };
  Object.defineProperty(window, 'foveaImageCache', { value: Object.freeze(figures) });
}

/** The one rendering engine; every viewport shares its WebGL context pool. */
export function renderingEngine(): RenderingEngine {
  return (
    (getRenderingEngine(RENDERING_ENGINE_ID) as RenderingEngine | undefined) ??
    new RenderingEngine(RENDERING_ENGINE_ID)
  );
}

export function stackToolGroup() {
  const group = ToolGroupManager.getToolGroup(STACK_TOOL_GROUP_ID);
  if (!group) throw new Error('The viewer engine has not been started');
  return group;
}

/**
 * Hands WADO-RS metadata to the image loader so that frames decode without fetching headers again.
 * The loader reads its metadata by image id.
 */
export function registerMetadata(imageId: string, instance: InstanceMetadata): void {
  dicomImageLoader.wadors.metaDataManager.add(imageId, instance.dataset as LoaderTypes.WADORSMetaData);
}
