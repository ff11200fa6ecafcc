import type { Page } from 'playwright';
import type { ViewerApp } from './apps';

export interface MemoryFigures {
  /** V8 heap in use after a full garbage collection (objects, strings, metadata). */
  jsHeapBytes: number;
  /** ArrayBuffer backing stores (pixel arrays live here, outside the V8 heap). */
  arrayBufferBytes: number;
  /** What the app's image cache says it holds. */
  cacheBytes: number;
  /** Decoded pixel bytes of the series. */
  pixelBytes: number;
  /** (JS heap + array buffers) / decoded pixel bytes: 1 plus overhead; 2 would mean a second copy. */
  ratio: number;
}

/**
 * The page's memory once the series is loaded, read through the DevTools protocol after a forced
 * garbage collection. Web workers' own heaps and GPU textures are not included.
 */
export async function measureMemory(page: Page, app: ViewerApp, pixelBytes: number): Promise<MemoryFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    if (usage.backingStorageSize === undefined)
      throw new Error('this Chromium does not report ArrayBuffer memory (Runtime.getHeapUsage)');
    const cacheBytes = (await page.evaluate(app.cachedBytes)) as number;
    return {
      jsHeapBytes: usage.usedSize,
      arrayBufferBytes: usage.backingStorageSize,
      cacheBytes,
      pixelBytes,
      ratio: (usage.usedSize + usage.backingStorageSize) / pixelBytes,
    };
  } finally {
    await cdp.detach();
  }
}
