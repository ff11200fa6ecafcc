import { withColdPage } from './browser';

export type WorklistFigures =
  { measured: true; firstRenderMs: number; filterMs: number } | { measured: false; reason: string };

/**
 * The 5,000-row worklist (issue #6, item 7) is measured once Fovea's landing page is the worklist:
 * the page at `/` marks its list with data-testid="worklist". Until then this says so.
 */
export async function measureWorklist(origin: string): Promise<WorklistFigures> {
  const present = await withColdPage(async (page) => {
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    return (
      new URL(page.url()).pathname === '/' && (await page.locator('[data-testid="worklist"]').count()) > 0
    );
  });
  return present
    ? { measured: false, reason: 'worklist page present, but its 5,000-row measurement is not written yet' }
    : { measured: false, reason: 'worklist page not present' };
}
