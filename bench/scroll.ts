import type { Page } from 'playwright';
import { FRAME_INTERVAL_MS, scrollFigures, type ScrollFigures } from './frames';

/** The centre of the largest canvas on the page: where the user's pointer rests on the image. */
async function viewportCentre(page: Page): Promise<{ x: number; y: number }> {
  return (await page.evaluate(`(() => {
    let best;
    for (const canvas of document.querySelectorAll('canvas')) {
      const r = canvas.getBoundingClientRect();
      if (!best || r.width * r.height > best.width * best.height) best = r;
    }
    if (!best) throw new Error('no canvas on the page');
    return { x: best.x + best.width / 2, y: best.y + best.height / 2 };
  })()`)) as { x: number; y: number };
}

/**
 * Scrolls through the cached series with the mouse wheel as a user does: one notch per display frame
 * (60 a second), down through the series and back up. The notches are sent as a mouse sends them,
 * without waiting for the page to handle the previous one; a busy page sees them merged, as it would.
 * Meanwhile the probe records animation frames and draws.
 */
export async function measureScroll(page: Page, images: number): Promise<ScrollFigures> {
  const { x, y } = await viewportCentre(page);
  await page.mouse.move(x, y);
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.evaluate('window.__benchProbe.start()');
    const sent: Array<Promise<unknown>> = [];
    const started = performance.now();
    let steps = 0;
    for (const direction of [1, -1]) {
      for (let i = 1; i < images; i++) {
        sent.push(
          cdp
            .send('Input.dispatchMouseEvent', {
              type: 'mouseWheel',
              x,
              y,
              deltaX: 0,
              deltaY: 100 * direction,
            })
            .catch(() => undefined),
        );
        steps += 1;
        const wait = started + steps * FRAME_INTERVAL_MS - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    await Promise.all(sent);
    await page.waitForTimeout(100);
    const record = (await page.evaluate('window.__benchProbe.stop()')) as {
      frames: number[];
      draws: number[];
    };
    return scrollFigures({ ...record, steps });
  } finally {
    await cdp.detach();
  }
}
