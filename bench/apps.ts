import type { Page } from 'playwright';

/**
 * What the measurements need to know of a viewer app. Expressions are evaluated in its page.
 */
export interface ViewerApp {
  name: string;
  /** The viewer route for a study (OHIF's URL contract, which Fovea keeps). */
  viewerPath(studyInstanceUid: string): string;
  /** Images decoded and held in the app's image cache. */
  cachedImages: string;
  /** Bytes held by that cache. */
  cachedBytes: string;
  /** What a user does before working with the images (close a first-visit tour). */
  beforeInput?(page: Page): Promise<void>;
}

const viewerPath = (studyInstanceUid: string) =>
  `/viewer?StudyInstanceUIDs=${encodeURIComponent(studyInstanceUid)}`;

/** Fovea publishes its cache's figures on purpose (src/viewer/engine.ts, `window.foveaImageCache`). */
export const FOVEA: ViewerApp = {
  name: 'Fovea',
  viewerPath,
  cachedImages: '(window.foveaImageCache ? window.foveaImageCache.images() : 0)',
  cachedBytes: '(window.foveaImageCache ? window.foveaImageCache.bytes() : 0)',
};

/**
 * OHIF sets `window.cornerstone` (its cornerstone extension's init); loaded images are the entries of
 * Cornerstone's image cache marked loaded — the same moment Cornerstone announces IMAGE_CACHE_IMAGE_ADDED,
 * which is what Fovea counts.
 */
export const OHIF: ViewerApp = {
  name: 'OHIF',
  viewerPath,
  cachedImages: `((c) => {
    if (!c || !c._imageCache) return 0;
    let n = 0;
    for (const entry of c._imageCache.values()) if (entry.loaded) n += 1;
    return n;
  })(window.cornerstone && window.cornerstone.cache)`,
  cachedBytes:
    '(window.cornerstone && window.cornerstone.cache ? window.cornerstone.cache.getCacheSize() : 0)',
  // A first visit shows a guided tour over the image and a notice along the bottom; a user closes both.
  async beforeInput(page) {
    for (const label of ['Skip all', 'Confirm and hide']) {
      const control = page.getByText(label, { exact: true });
      // Forced: the tour dims the page with an overlay that Playwright would otherwise wait on.
      if (await control.count())
        await control
          .first()
          .click({ timeout: 5000, force: true })
          .catch(() => undefined);
    }
    await page.waitForTimeout(500);
  },
};
