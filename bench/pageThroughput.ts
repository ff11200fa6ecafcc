import { withColdPage } from './browser';
import { serveHtml } from './floor';
import { ACCEPT_FILES_AS_STORED, ACCEPT_FRAMES_AS_STORED } from '../src/dicomweb/accept';
import { CONNECTIONS } from './rawThroughput';
import type { SeriesFrames } from './series';
import { megabytesPerSecond } from './stats';

export interface PageThroughput {
  ms: number;
  /** Bytes of the answers as received, multipart framing included. */
  answerBytes: number;
  /** Decoded pixel bytes of the series per second, the same numerator as the viewers'. */
  mbPerS: number;
}

/** An empty page at the gateway's origin (serveHtml). */
export const BLANK_PATH = '/bench-blank';

/**
 * Opens a blank page at `origin` in a cold browser and runs `script` in it: an async expression that
 * fetches the series and resolves to its time and the bytes it received.
 */
function measureInBlankPage(origin: string, script: string, pixelBytes: number): Promise<PageThroughput> {
  return withColdPage(async (page) => {
    await serveHtml(page, origin + BLANK_PATH, '<!doctype html><title>Blank</title>');
    await page.goto(origin + BLANK_PATH);
    const measured = (await page.evaluate(script)) as { ms: number; bytes: number };
    return {
      ms: measured.ms,
      answerBytes: measured.bytes,
      mbPerS: megabytesPerSecond(pixelBytes, measured.ms),
    };
  });
}

/**
 * The raw throughput as the browser itself takes frames in: a blank page at the gateway's origin
 * fetches every frame of the series over WADO-RS, as many at a time as the browser opens connections,
 * and neither decodes nor draws them. Beside the Node figure it shows what the browser's own network
 * path costs on this machine, before any viewer does anything with the bytes.
 */
export function pageFrameThroughput(
  origin: string,
  dicomWebPath: string,
  series: SeriesFrames,
): Promise<PageThroughput> {
  const urls = series.framePaths.map((path) => dicomWebPath + path);
  return measureInBlankPage(
    origin,
    `(async () => {
        const urls = ${JSON.stringify(urls)};
        let next = 0;
        let bytes = 0;
        const started = performance.now();
        const connection = async () => {
          while (next < urls.length) {
            const url = urls[next++];
            const response = await fetch(url, { headers: { accept: ${JSON.stringify(ACCEPT_FRAMES_AS_STORED)} } });
            if (!response.ok) throw new Error('frame: HTTP ' + response.status + ' from ' + url);
            // Read before adding: "bytes += await …" would add to the total as it was before the wait.
            const received = (await response.arrayBuffer()).byteLength;
            bytes += received;
          }
        };
        await Promise.all(Array.from({ length: ${CONNECTIONS} }, connection));
        return { ms: performance.now() - started, bytes };
      })()`,
    series.pixelBytes,
  );
}

/**
 * The least a browser can do with a series fetched the way Fovea fetches it: a blank page at the
 * gateway's origin asks for the whole series in one answer (WADO-RS retrieve of its Part-10 files) and
 * reads it to the end, counting bytes; nothing is parsed, decoded or drawn. A viewer that takes in the
 * series this way cannot be quicker on this machine than this page.
 */
export function pageSeriesAnswerThroughput(
  origin: string,
  seriesPath: string,
  pixelBytes: number,
): Promise<PageThroughput> {
  return measureInBlankPage(
    origin,
    `(async () => {
        const started = performance.now();
        const response = await fetch(${JSON.stringify(seriesPath)}, { headers: { accept: ${JSON.stringify(ACCEPT_FILES_AS_STORED)} } });
        if (!response.ok) throw new Error('series: HTTP ' + response.status);
        const reader = response.body.getReader();
        let bytes = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
        }
        return { ms: performance.now() - started, bytes };
      })()`,
    pixelBytes,
  );
}
