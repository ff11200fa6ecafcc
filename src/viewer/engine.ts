import { RenderingEngine, cache, getRenderingEngine, init as initCore } from '@cornerstonejs/core';
import dicomImageLoader, { type Types as LoaderTypes } from '@cornerstonejs/dicom-image-loader';
import { init as initTools } from '@cornerstonejs/tools';
import type { InstanceMetadata } from '../dicom';
import { FrameTransferSyntaxPolicy } from './frameTransferSyntax';
import { createStackToolGroup } from './toolGroup';

export { stackToolGroup } from './toolGroup';

/** How the viewer uses the machine; from config.json's `viewer` section. */
export interface ViewerSettings {
  cacheBytes: number;
  maxWebWorkers: number;
}

const RENDERING_ENGINE_ID = 'fovea';

let started = false;

/** Shared by the loader (which asks) and the viewports (which learn from failures). */
export const frameTransferSyntax = new FrameTransferSyntaxPolicy();

/**
 * Starts Cornerstone once per page load: core, tools, the DICOM image loader with its decoding
 * workers, the image cache budget, and the stack tools (toolGroup.ts).
 */
export function startEngine(settings: ViewerSettings): void {
  if (started) return;
  initCore();
  initTools();
  dicomImageLoader.init({
    maxWebWorkers: settings.maxWebWorkers,
    beforeSend: (_xhr, imageId) => {
      const accept = frameTransferSyntax.acceptFor(imageId);
      return accept ? { Accept: accept } : undefined;
    },
  });
  cache.setMaxCacheSize(settings.cacheBytes);

  createStackToolGroup();
  started = true;
}

/** The one rendering engine; every viewport shares its WebGL context pool. */
export function renderingEngine(): RenderingEngine {
  return (
    (getRenderingEngine(RENDERING_ENGINE_ID) as RenderingEngine | undefined) ??
    new RenderingEngine(RENDERING_ENGINE_ID)
  );
}

/**
 * Hands WADO-RS metadata to the image loader so that frames decode without fetching headers again.
 * The loader reads its metadata by image id.
 */
export function registerMetadata(imageId: string, instance: InstanceMetadata): void {
  dicomImageLoader.wadors.metaDataManager.add(imageId, instance.dataset as LoaderTypes.WADORSMetaData);
}
