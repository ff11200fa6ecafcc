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
 * page loaded and the worklist shown (plus a second for chunks it loads afterwards), or, for the
 * viewer, its viewport ready for the mouse tools: the viewer draws its first image before its image
 * and tool code has loaded, so the first image alone would leave that code out. Not a second more:
 * once the shown series is in, the viewer loads pdf.js for a document's preview, which is no part of
 * opening the viewer. Network idle cannot mark it: the worklist keeps its live event stream open.
 */
export function measureRoutePayload(
  url: string,
  until: 'worklist-shown' | 'viewer-ready',
): Promise<RoutePayload> {
  return withColdPage(async (page: Page) => {
    const pending: Array<Promise<LoadedResource | undefined>> = [];
    const record = async (response: Response): Promise<LoadedResource | undefined> => {
      const request = response.request();
      const resource = { url: response.url(), type: request.resourceType() };
      if (!response.ok() || !/^https?:/.test(resource.url) || !isCode(resource)) return undefined;
      const body = await response.body().catch(() => undefined);
      if (!body) return undefined;
      return { ...resource, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    };
    page.on('response', (response) => pending.push(record(response)));
    if (until === 'worklist-shown') {
      await page.goto(url, { waitUntil: 'load' });
      await page.getByTestId('worklist').waitFor();
      await page.waitForTimeout(1000);
    } else {
      await page.goto(url, { waitUntil: 'commit' });
      await waitForFirstImage(page);
      await page
        .locator('[data-testid="viewport"][data-status="ready"]')
        .first()
        .waitFor({ timeout: 90_000 });
    }
    const resources = (await Promise.all(pending)).filter((r): r is LoadedResource => r !== undefined);
    return { ...payloadFigures(resources), finalPath: new URL(page.url()).pathname };
  });
}
