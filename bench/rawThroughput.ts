import { ACCEPT_FRAMES_AS_STORED } from '../src/dicomweb/accept';
import { megabytesPerSecond } from './stats';
import { boundaryOf, multipartBodies } from './multipart';
import type { SeriesFrames } from './series';

/** Connections a browser opens to one HTTP/1.1 origin; the same for Node, so the two compare. */
export const CONNECTIONS = 6;

export interface RawThroughput {
  ms: number;
  /** Frame bytes received (part bodies, headers stripped). */
  frameBytes: number;
  /** Decoded pixel bytes of the series per second, the same numerator as the viewers'. */
  mbPerS: number;
}

/**
 * The floor for the whole series: every frame fetched over WADO-RS from Node through the same gateway,
 * with as many connections as a browser uses, and nothing decoded or drawn.
 */
export async function rawFrameThroughput(dicomWebRoot: string, series: SeriesFrames): Promise<RawThroughput> {
  let next = 0;
  let frameBytes = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < series.framePaths.length) {
      const url = dicomWebRoot + series.framePaths[next++]!;
      const response = await fetch(url, { headers: { accept: ACCEPT_FRAMES_AS_STORED } });
      if (!response.ok) throw new Error(`frame: HTTP ${response.status} from ${url}`);
      const body = new Uint8Array(await response.arrayBuffer());
      const boundary = boundaryOf(response.headers.get('content-type') ?? '');
      for (const part of multipartBodies(body, boundary)) frameBytes += part.length;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const ms = performance.now() - started;
  return { ms, frameBytes, mbPerS: megabytesPerSecond(series.pixelBytes, ms) };
}
