import {
  Enums as CoreEnums,
  RenderingEngine,
  cache,
  eventTarget,
  getRenderingCapabilities,
  getRenderingEngine,
  init as initCore,
  metaData,
  setUseCPURendering,
} from '@cornerstonejs/core';
import type { Types as LoaderTypes } from '@cornerstonejs/dicom-image-loader';
// The loader's image-loading entry: its package entry also imports every codec's JavaScript (the codecs
// run in the decoding workers, which load them when a series needs them).
import dicomImageLoader from '@cornerstonejs/dicom-image-loader/imageLoader';
import type { InstanceMetadata } from '../dicom';
import { decodesToYCbCr, photometricAfterDecoding } from './decodedColour';
import { takeFramePart } from './framePart';
import { FrameTransferSyntaxPolicy } from './frameTransferSyntax';
import { chooseRenderer, type RendererSetting } from './renderer';
import { useRenderingStore } from './useRenderingStore';

/** How the viewer uses the machine; from config.json's `viewer` section. */
export interface ViewerSettings {
  cacheBytes: number;
  maxWebWorkers: number;
  renderer: RendererSetting;
}

const RENDERING_ENGINE_ID = 'fovea';

let started = false;

/** Shared by the loader (which asks) and the viewports (which learn from failures). */
export const frameTransferSyntax = new FrameTransferSyntaxPolicy();

/**
 * Starts Cornerstone once per page load: core, the DICOM image loader with its decoding workers and the
 * image cache budget. The mouse tools start after the first image (lazyTools.ts).
 */
export function startEngine(settings: ViewerSettings): void {
  if (started) return;
  initCore();
  const choice = chooseRenderer(settings.renderer, getRenderingCapabilities());
  setUseCPURendering(choice.renderer === 'cpu', false);
  useRenderingStore.setState({ choice });
  const requests = new WeakMap<XMLHttpRequest, string>();
  dicomImageLoader.init({
    maxWebWorkers: settings.maxWebWorkers,
    beforeSend: (xhr, imageId) => {
      requests.set(xhr, imageId);
      const accept = frameTransferSyntax.acceptFor(imageId);
      return accept ? { Accept: accept } : undefined;
    },
    beforeProcessing: (xhr) => {
      const imageId = requests.get(xhr);
      const part = takeFramePart(xhr);
      if (imageId) {
        const syntax = part?.transferSyntaxUid;
        if (decodesToYCbCr(syntax)) decodedAsYCbCr.set(imageId, syntax!);
        else decodedAsYCbCr.delete(imageId);
      }
      return Promise.resolve(part?.body ?? (xhr.response as ArrayBuffer));
    },
  });
  metaData.addProvider(pixelModuleAsDecoded, PIXEL_MODULE_AS_DECODED_PRIORITY);
  cache.setMaxCacheSize(settings.cacheBytes);
  exposeImageCacheFigures();
  started = true;
}

/** Image ids whose frame arrived in a transfer syntax that decodes to YCbCr, with that syntax. */
const decodedAsYCbCr = new Map<string, string>();
/** Above the image loader's own providers, which read the file's attributes. */
const PIXEL_MODULE_AS_DECODED_PRIORITY = 10_000;
let askingBelow = false;

/**
 * The loader reads the Image Pixel module when a frame has arrived, to decide how to convert its
 * colour; for a frame decoded to full-resolution YCbCr it must read the model the frame is in after
 * decoding, not the one the file gives for the compressed data (see decodedColour.ts).
 */
function pixelModuleAsDecoded(type: string, imageId: string): unknown {
  if (type !== 'imagePixelModule' || askingBelow) return undefined;
  const syntax = decodedAsYCbCr.get(imageId);
  if (!syntax) return undefined;
  askingBelow = true;
  let module: { photometricInterpretation?: string } | undefined;
  try {
    module = metaData.get(type, imageId) as typeof module;
  } finally {
    askingBelow = false;
  }
  const photometricInterpretation = photometricAfterDecoding(module?.photometricInterpretation, syntax);
  return photometricInterpretation ? { ...module, photometricInterpretation } : module;
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

/**
 * Hands WADO-RS metadata to the image loader so that frames decode without fetching headers again.
 * The loader reads its metadata by image id.
 */
export function registerMetadata(imageId: string, instance: InstanceMetadata): void {
  dicomImageLoader.wadors.metaDataManager.add(imageId, instance.dataset as LoaderTypes.WADORSMetaData);
}
