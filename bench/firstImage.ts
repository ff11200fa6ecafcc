import type { Page } from 'playwright';
import { waitForFirstImage, withColdPage } from './browser';

/**
 * Time to first image: navigation start → the first slice visibly on a canvas (probe.ts), in a cold
 * browser. One run; the caller repeats and interleaves runs of the apps it compares.
 */
export function timeToFirstImage(url: string, prepare?: (page: Page) => Promise<void>): Promise<number> {
  return withColdPage(async (page) => {
    await prepare?.(page);
    await page.goto(url, { waitUntil: 'commit' });
    return waitForFirstImage(page);
  });
}
