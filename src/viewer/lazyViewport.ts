import { lazy } from 'react';
import type { ViewerSettings } from './engine';
import { imageCodeMayLoad } from './firstFrame';

/**
 * Cornerstone and its codecs (about 1.3 MB gzip) load for the image area, not with the app; on a page
 * opened on the viewer, after the early first image (firstFrame/).
 */
const loadStackViewport = () => imageCodeMayLoad().then(() => import('./StackViewport'));

export const LazyStackViewport = lazy(() =>
  loadStackViewport().then((module) => ({ default: module.StackViewport })),
);

let requested: Promise<unknown> | undefined;

/** Fetches the image viewport's code ahead of need (a pointer resting on a study), once. */
export function preloadImageViewer(): void {
  requested ??= loadStackViewport().catch(() => {
    requested = undefined;
  });
}

/**
 * Loads Cornerstone and starts it (WebGL, decoding workers) while the viewer's searches are still on
 * their way, so that the first image does not wait for either.
 */
export function prepareImageViewer(settings: ViewerSettings): void {
  preloadImageViewer();
  loadStackViewport()
    .then((module) => module.startEngine(settings))
    // A failure here shows where it matters: when the viewport itself loads.
    .catch(() => undefined);
}
