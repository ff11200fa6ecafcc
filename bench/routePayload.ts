import type { Page, Response } from 'playwright';
import { gzipSync } from 'node:zlib';
import { waitForFirstImage, withColdPage } from './browser';
import { payloadFigures, isCode, type LoadedResource, type PayloadFigures } from './payload';

export interface RoutePayload extends PayloadFigures {
  /** Where the route ended up (the landing page may redirect). */
  finalPath: string;
}

/**
 * Everything of code a route loads in a cold browser (pages and their workers), each body gzipped
 * at level 9 — the size a gzip-only client receives. `until` says when loading counts as done: the
 * page loaded and the worklist shown, or its word that the day has none (plus a second for chunks it
 * loads afterwards), or, for the viewer, its viewport ready for the mouse tools: the viewer draws its
 * first image before its image and tool code has loaded, so the first image alone would leave that
 * code out. For the viewer only code asked for before that moment (the page's clock) counts: once the
 * shown series is in, which can be within milliseconds of ready, the viewer loads pdf.js for a
 * document's preview, which is no part of opening the viewer. Network idle cannot mark it: the
 * worklist keeps its live event stream open.
 */
export function measureRoutePayload(
  url: string,
  until: 'worklist-shown' | 'viewer-ready',
): Promise<RoutePayload> {
  return withColdPage(async (page: Page) => {
    const pending: Array<Promise<(LoadedResource & { askedAt: number }) | undefined>> = [];
    const record = async (
      response: Response,
    ): Promise<(LoadedResource & { askedAt: number }) | undefined> => {
      const request = response.request();
      const resource = { url: response.url(), type: request.resourceType() };
      if (!response.ok() || !/^https?:/.test(resource.url) || !isCode(resource)) return undefined;
      const body = await response.body().catch(() => undefined);
      if (!body) return undefined;
      return {
        ...resource,
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
        askedAt: request.timing().startTime,
      };
    };
    page.on('response', (response) => pending.push(record(response)));
    let readyAt = Infinity;
    if (until === 'viewer-ready') await page.addInitScript(markViewerReady);
    if (until === 'worklist-shown') {
      await page.goto(url, { waitUntil: 'load' });
      // The day's list, or the page saying the day has none (a run that passes midnight asks for the
      // new day, which the seeded demo has no orders for): the same code is loaded either way.
      await page
        .getByTestId('worklist')
        .or(page.getByText(/^No procedures are scheduled for /))
        .waitFor();
      await page.waitForTimeout(1000);
    } else {
      await page.goto(url, { waitUntil: 'commit' });
      await waitForFirstImage(page);
      await page
        .locator('[data-testid="viewport"][data-status="ready"]')
        .first()
        .waitFor({ timeout: 90_000 });
      readyAt = (await page.evaluate(`window.${READY_AT}`)) as number;
      if (!Number.isFinite(readyAt)) throw new Error('The page did not note when its viewport became ready');
    }
    const resources = (await Promise.all(pending)).filter(
      (r): r is LoadedResource & { askedAt: number } => r !== undefined && r.askedAt <= readyAt,
    );
    return { ...payloadFigures(resources), finalPath: new URL(page.url()).pathname };
  });
}

/** Where the page keeps the moment (ms since the epoch) its first viewport became ready. */
const READY_AT = '__benchViewerReadyAt';

/** Runs in the page before its own scripts: notes when a viewport first says it is ready. */
function markViewerReady(): void {
  const key = '__benchViewerReadyAt';
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="viewport"][data-status="ready"]')) {
      (window as unknown as Record<string, number>)[key] = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
}
