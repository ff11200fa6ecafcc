import type { Page } from 'playwright';
import type { ViewerApp } from './apps';
import { waitForFirstImage, waitInPage } from './browser';
import { median, megabytesPerSecond } from './stats';

export interface WholeSeries {
  /** First frame request → every image decoded and in the cache. */
  ms: number;
  /** Navigation start → every image decoded and in the cache. */
  fromNavigationMs: number;
  /** Decoded pixel bytes of the series per second of `ms`. */
  mbPerS: number;
  images: number;
  cacheBytes: number;
  /** `ms` of every cold load, when the figures above are their median (medianWholeSeries). */
  runsMs?: number[];
}

/**
 * The whole-series figures of several cold loads as one: median times, the rate of the median time,
 * and the cache as the last load left it.
 */
export function medianWholeSeries(runs: readonly WholeSeries[], pixelBytes: number): WholeSeries {
  const last = runs.at(-1);
  if (!last) throw new Error('no whole-series load to summarize');
  const ms = median(runs.map((run) => run.ms));
  return {
    ms,
    fromNavigationMs: median(runs.map((run) => run.fromNavigationMs)),
    mbPerS: megabytesPerSecond(pixelBytes, ms),
    images: last.images,
    cacheBytes: last.cacheBytes,
    runsMs: runs.map((run) => run.ms),
  };
}

/**
 * Opens the viewer on `page` (cold) and waits until the app's cache holds every image of the series.
 * The clock starts at the first frame request the page made (Resource Timing).
 */
export async function measureWholeSeries(
  page: Page,
  app: ViewerApp,
  url: string,
  images: number,
  pixelBytes: number,
): Promise<WholeSeries> {
  await page.goto(url, { waitUntil: 'commit' });
  await waitForFirstImage(page);
  const doneAt = await waitInPage<number>(
    page,
    `(${app.cachedImages}) >= ${images} && performance.now()`,
    `${images} images in ${app.name}'s cache`,
    180_000,
  );
  const firstFrameAt = (await page.evaluate(
    `Math.min(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/frames/')).map((e) => e.startTime))`,
  )) as number;
  if (!Number.isFinite(firstFrameAt)) throw new Error(`${app.name} made no frame request the page could see`);
  const cacheBytes = (await page.evaluate(app.cachedBytes)) as number;
  const ms = doneAt - firstFrameAt;
  return {
    ms,
    fromNavigationMs: doneAt,
    mbPerS: megabytesPerSecond(pixelBytes, ms),
    images: (await page.evaluate(app.cachedImages)) as number,
    cacheBytes,
  };
}
