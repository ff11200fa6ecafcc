import { NATIVE_LITTLE_ENDIAN, getNumber, getStrings, type InstanceMetadata } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import {
  readSeriesFrames,
  type ImageFrame,
  type InstanceFrames,
  type ReadingEnd,
  type SeriesLayout,
  type SeriesLayoutMessage,
  type SeriesReadingMessage,
  type SeriesReadingRequest,
} from './seriesFrames';
import { nativeDecodingOf, type DecodedPixels } from './nativeDecoding';
import type { StackImage } from './stackOrder';

/**
 * A series' images fetched in one answer (WADO-RS retrieve of the series' Part-10 files) instead of
 * one request per frame: on a busy machine the per-request work of the browser, the gateway and the
 * archive, not the bytes, bounded how fast a series came in. Each native frame waits here, by image
 * id, until the viewport takes it: greyscale frames decoded already, which become images of the cache
 * without the image loader's decoding round trip (stackController.ts), other frames as bytes for the
 * image loader (firstFrame/imageLoaderHandOver.ts). Images this answer cannot give (compressed files,
 * a failure) are left to the per-frame loading that runs after it.
 *
 * The answer is read, and its files cut into frames and decoded, in a worker of its own where one can
 * start (seriesRetrieval.worker.ts): on the page's main thread it took most of the answer's length there,
 * while the viewer's code started and the first images were decoded. No Cornerstone here: the answer
 * starts while the image code is still loading.
 */

/**
 * A frame of the answer: decoded already (greyscale native frames, nativeDecoding.ts), ready to become
 * an image of the cache; or its bytes as stored, for the image loader to decode.
 */
export type RetrievedFrame =
  | { kind: 'decoded'; pixels: DecodedPixels; transferSyntaxUid: string }
  | { kind: 'stored'; pixelData: ArrayBuffer; transferSyntaxUid: string };

/** Why a series is not retrieved in one answer, for the ones that are not. */
export type RetrievalPlan =
  | { kind: 'bulk'; bytes: number; frameLengths: ReadonlyMap<string, number> }
  | { kind: 'per-frame'; reason: string };

/** Bytes of one native frame from the instance's Image Pixel attributes; undefined where unknown. */
export function nativeFrameLength(instance: InstanceMetadata): number | undefined {
  const { dataset } = instance;
  const bitsAllocated = getNumber(dataset, 'BitsAllocated');
  const samples = getNumber(dataset, 'SamplesPerPixel') ?? 1;
  const { rows, columns } = instance;
  // Bit-packed (1-bit) frames do not start on byte boundaries: not cut out here.
  if (!rows || !columns || !bitsAllocated || bitsAllocated % 8 !== 0 || !(samples > 0)) return undefined;
  return rows * columns * samples * (bitsAllocated / 8);
}

/** The stored transfer syntax, where the metadata says it (many archives do not). */
function storedSyntaxOf(instance: InstanceMetadata): string | undefined {
  return (
    getStrings(instance.dataset, 'TransferSyntaxUID')[0] ??
    getStrings(instance.dataset, 'AvailableTransferSyntaxUID')[0]
  );
}

/**
 * Whether a stack is worth one answer: more than one image, some of them possibly native, and all of
 * its pixels within the image cache's budget (a series larger than the cache would push out its own
 * first images while the rest arrives; per-frame loading fetches around the shown image instead).
 */
export function retrievalPlanOf(stack: readonly StackImage[], cacheBytes: number): RetrievalPlan {
  if (stack.length < 2) return { kind: 'per-frame', reason: 'a single image' };
  const frameLengths = new Map<string, number>();
  let bytes = 0;
  for (const image of stack) {
    const { instance } = image;
    if (frameLengths.has(instance.sopInstanceUid)) continue;
    const stored = storedSyntaxOf(instance);
    const length = nativeFrameLength(instance);
    if (length === undefined || (stored !== undefined && !NATIVE_LITTLE_ENDIAN.has(stored))) continue;
    frameLengths.set(instance.sopInstanceUid, length);
    bytes += length * instance.numberOfFrames;
  }
  if (frameLengths.size === 0) return { kind: 'per-frame', reason: 'no native images' };
  if (bytes > cacheBytes) return { kind: 'per-frame', reason: 'larger than the image cache' };
  return { kind: 'bulk', bytes, frameLengths };
}

/** The stack's images by instance, with the frame length the plan found for each. */
export function seriesLayoutOf(
  stack: readonly StackImage[],
  plan: Extract<RetrievalPlan, { kind: 'bulk' }>,
): SeriesLayout {
  const layout = new Map<string, InstanceFrames & { images: Array<{ imageId: string; frame: number }> }>();
  for (const { imageId, frame, instance } of stack) {
    let frames = layout.get(instance.sopInstanceUid);
    if (!frames) {
      frames = {
        frameLength: plan.frameLengths.get(instance.sopInstanceUid),
        numberOfFrames: instance.numberOfFrames,
        decoding: nativeDecodingOf(instance.dataset),
        images: [],
      };
      layout.set(instance.sopInstanceUid, frames);
    }
    frames.images.push({ imageId, frame });
  }
  return layout;
}

/** The stack's layout when it is retrieved in one answer (retrievalPlanOf); undefined when not. */
export function oneAnswerLayoutOf(
  stack: readonly StackImage[],
  cacheBytes: number,
): SeriesLayout | undefined {
  const plan = retrievalPlanOf(stack, cacheBytes);
  return plan.kind === 'bulk' ? seriesLayoutOf(stack, plan) : undefined;
}

/** A worker started for reading a series' answer, and whether it has failed to start meanwhile. */
interface ReadingWorker {
  worker: Worker;
  failedToStart: boolean;
}

/** Starts a reading worker; undefined where none can start (a browser or policy that refuses it). */
function startReadingWorker(): ReadingWorker | undefined {
  try {
    const worker = new Worker(new URL('./seriesRetrieval.worker.ts', import.meta.url), {
      type: 'module',
      name: 'series-retrieval',
    });
    const started: ReadingWorker = { worker, failedToStart: false };
    // Until it is given its answer: a script that does not load is no error for the console.
    worker.onerror = (event) => {
      event.preventDefault();
      started.failedToStart = true;
    };
    return started;
  } catch {
    return undefined;
  }
}

/**
 * Reads the answer in `worker`; resolves to undefined when the worker turns out not to run (its script
 * did not load), for the page to read the answer itself. Ending the worker stops its answer.
 */
function readInWorker(
  { worker, failedToStart }: ReadingWorker,
  request: SeriesReadingRequest,
  layout: SeriesLayout | Promise<SeriesLayout | undefined>,
  take: (transferSyntaxUid: string, frames: ImageFrame[]) => void,
  signal: AbortSignal,
): Promise<ReadingEnd | undefined> {
  return new Promise((resolve, reject) => {
    let heard = false;
    const finish = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    const stop = () => {
      finish();
      resolve('stopped');
    };
    if (signal.aborted) {
      stop();
      return;
    }
    if (failedToStart) {
      finish();
      resolve(undefined);
      return;
    }
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = ({ data }: MessageEvent<SeriesReadingMessage>) => {
      heard = true;
      if (data.kind === 'frames') take(data.transferSyntaxUid, data.frames);
      else if (data.kind === 'ended') {
        finish();
        resolve(data.end);
      } else {
        finish();
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      // Handled here: a worker that did not start is no error for the console.
      event.preventDefault();
      finish();
      // Nothing came from it: its script did not load or run, and the page reads the answer instead.
      if (heard) reject(new Error(event.message || 'The series reading stopped'));
      else resolve(undefined);
    };
    if (layout instanceof Promise) {
      worker.postMessage(request);
      void layout.then(
        (arrived) => worker.postMessage({ kind: 'layout', layout: arrived } satisfies SeriesLayoutMessage),
        () => worker.postMessage({ kind: 'layout', layout: undefined } satisfies SeriesLayoutMessage),
      );
    } else {
      worker.postMessage({ ...request, layout });
    }
  });
}

/** One series on its way in one answer. */
export class SeriesRetrieval {
  /** Resolves (never rejects) when the answer has ended, whole or not: per-frame loading may begin. */
  readonly ended: Promise<void>;
  /** Frames received and not yet taken, by image id. */
  private readonly waiting = new Map<string, RetrievedFrame>();
  private readonly listeners = new Set<(imageId: string) => void>();
  private readonly controller = new AbortController();
  private completed = false;
  private received = 0;
  /** Users of the retrieval (viewports); at none it is stopped and its bytes let go. */
  users = 0;

  constructor(
    client: DicomWebClient,
    private readonly series: { studyInstanceUid: string; seriesInstanceUid: string },
    /**
     * How the answer's files become the stack's frames; a promise when the answer is asked for before
     * the series' metadata has arrived, undefined then when the series turns out not to be for one
     * answer (the answer stops).
     */
    private readonly layout: SeriesLayout | Promise<SeriesLayout | undefined>,
    /** Waited for before the request goes out: the first image's own fetch goes first. */
    startAfter: Promise<unknown>,
    /** Image ids whose bytes another path has already (the early first image): not kept twice. */
    private readonly alreadyFetched: (imageId: string) => boolean,
    /** Whether the answer may be read in a worker; the page reads it where none can start. */
    inWorker = true,
  ) {
    // The worker starts now, beside the first image's fetch, so that the answer is asked for the
    // moment that fetch is done rather than after a worker's start-up (its thread, script and module).
    const worker = inWorker ? startReadingWorker() : undefined;
    this.ended = startAfter
      .catch(() => undefined)
      .then(() => this.receive(client, worker))
      .catch(() => {
        // A failed or stopped answer loses nothing: what it did not give, per-frame loading fetches.
      });
  }

  /** The answer was read to its end: every frame it could give has been given. */
  get isComplete(): boolean {
    return this.completed;
  }

  /** Frames handed over or waiting, for measurements and tests. */
  get framesReceived(): number {
    return this.received;
  }

  /** The stored bytes of `imageId`, once, for the image loader; a decoded frame stays for its viewport. */
  takeStored(imageId: string): Extract<RetrievedFrame, { kind: 'stored' }> | undefined {
    return this.takeOf(imageId, 'stored');
  }

  /** The decoded pixels of `imageId`, once, for the viewport that puts them in the image cache. */
  takeDecoded(imageId: string): Extract<RetrievedFrame, { kind: 'decoded' }> | undefined {
    return this.takeOf(imageId, 'decoded');
  }

  private takeOf<K extends RetrievedFrame['kind']>(
    imageId: string,
    kind: K,
  ): Extract<RetrievedFrame, { kind: K }> | undefined {
    const frame = this.waiting.get(imageId);
    if (frame?.kind !== kind) return undefined;
    this.waiting.delete(imageId);
    return frame as Extract<RetrievedFrame, { kind: K }>;
  }

  /** Lets go of bytes nobody will take (the image is loaded some other way). */
  drop(imageId: string): void {
    this.waiting.delete(imageId);
  }

  /**
   * Calls `listener` with every image id whose bytes are waiting, now and as more arrive, until the
   * returned function is called.
   */
  deliverTo(listener: (imageId: string) => void): () => void {
    this.listeners.add(listener);
    for (const imageId of [...this.waiting.keys()]) listener(imageId);
    return () => this.listeners.delete(listener);
  }

  /** Stops the answer and lets go of every byte not taken. */
  stop(): void {
    this.controller.abort();
    this.waiting.clear();
    this.listeners.clear();
  }

  private async receive(client: DicomWebClient, worker: ReadingWorker | undefined): Promise<void> {
    const { signal } = this.controller;
    if (signal.aborted) {
      worker?.worker.terminate();
      return;
    }
    const { layout } = this;
    const { studyInstanceUid, seriesInstanceUid } = this.series;
    const take = (transferSyntaxUid: string, frames: ImageFrame[]) => this.keep(transferSyntaxUid, frames);
    const request: SeriesReadingRequest = {
      kind: 'read',
      client: {
        qidoRoot: client.qidoRoot,
        wadoRoot: client.wadoRoot,
        requestTimeoutMs: client.requestTimeoutMs,
      },
      studyInstanceUid,
      seriesInstanceUid,
    };
    const end =
      (worker ? await readInWorker(worker, request, layout, take, signal) : undefined) ??
      (await readSeriesFrames(
        client.retrieveSeriesFiles(studyInstanceUid, seriesInstanceUid, { signal }),
        layout,
        take,
        signal,
      ));
    this.completed = end === 'complete';
  }

  /** Keeps the frames of one file for their images, and tells whoever takes them. */
  private keep(transferSyntaxUid: string, frames: readonly ImageFrame[]): void {
    if (this.controller.signal.aborted) return;
    for (const frame of frames) {
      const { imageId } = frame;
      if (this.alreadyFetched(imageId)) continue;
      this.received += 1;
      this.waiting.set(
        imageId,
        frame.kind === 'decoded'
          ? { kind: 'decoded', pixels: frame.pixels, transferSyntaxUid }
          : { kind: 'stored', pixelData: frame.pixelData, transferSyntaxUid },
      );
      for (const listener of this.listeners) listener(imageId);
    }
  }
}

const retrievals = new Map<string, SeriesRetrieval>();

/** The retrieval of a series a viewport shows, while one is on its way or has bytes waiting. */
export function seriesRetrievalOf(seriesInstanceUid: string): SeriesRetrieval | undefined {
  return retrievals.get(seriesInstanceUid);
}

/** The stored bytes of `imageId` from whichever series' answer brought them, once, for the image loader. */
export function takeRetrievedBytes(imageId: string): Extract<RetrievedFrame, { kind: 'stored' }> | undefined {
  for (const retrieval of retrievals.values()) {
    const frame = retrieval.takeStored(imageId);
    if (frame) return frame;
  }
  return undefined;
}

export interface RetrievalRequest {
  client: DicomWebClient;
  stack: readonly StackImage[];
  cacheBytes: number;
  startAfter?: Promise<unknown>;
  alreadyFetched?: (imageId: string) => boolean;
}

/**
 * Starts the one-answer retrieval of a stack's series for a viewport, or joins the one on its way;
 * returns what the viewport calls when it no longer shows the series. When the last viewport lets go
 * the answer is stopped and its waiting bytes freed — after the current task, so that a viewport that
 * mounts again at once (React's development checks, a layout change) keeps it. A series whose answer
 * was read whole is not asked for again in this page: its images are in the image cache, and those
 * the cache let go are fetched per frame, around the image shown.
 */
export function holdSeriesRetrieval({
  client,
  stack,
  cacheBytes,
  startAfter = Promise.resolve(),
  alreadyFetched = () => false,
}: RetrievalRequest): () => void {
  const first = stack[0];
  if (!first) return () => undefined;
  return hold(first.instance.seriesInstanceUid, () => {
    const layout = oneAnswerLayoutOf(stack, cacheBytes);
    return layout && new SeriesRetrieval(client, first.instance, layout, startAfter, alreadyFetched);
  });
}

/** Takes a hold on the series' retrieval, started by `create` when there is none; see holdSeriesRetrieval. */
function hold(key: string, create: () => SeriesRetrieval | undefined): () => void {
  let retrieval = retrievals.get(key);
  if (!retrieval) {
    retrieval = create();
    if (!retrieval) return () => undefined;
    retrievals.set(key, retrieval);
  }
  const held = retrieval;
  held.users += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.users -= 1;
    setTimeout(() => {
      if (held.users > 0) return;
      held.stop();
      if (!held.isComplete && retrievals.get(key) === held) retrievals.delete(key);
    }, 0);
  };
}

/** Holds taken before the viewer's viewports exist, until a viewport holds what it shows. */
const earlyHolds: Array<() => void> = [];

/**
 * Starts a series' one answer before the viewer's viewports exist, as soon as its first image's
 * frame is in (viewerData.ts): the answer is read in its worker while the page draws that image and
 * the image code loads. Held until the viewports hold what they show (releaseEarlyHolds).
 */
export function holdSeriesRetrievalEarly(request: RetrievalRequest): void {
  earlyHolds.push(holdSeriesRetrieval(request));
}

/** Lets go of the early holds: a series no viewport shows is stopped, and its bytes freed. */
export function releaseEarlyHolds(): void {
  for (const release of earlyHolds.splice(0)) release();
}

/**
 * Whether a series is likely to be retrieved in one answer, judged before its metadata has arrived from
 * its likely first image (a native frame, decoded already) and the number of instances the series
 * search reported: more than one, and their pixels within the image cache's budget.
 */
export function likelyOneAnswer(
  image: StackImage,
  numberOfInstances: number | undefined,
  cacheBytes: number,
): boolean {
  const length = nativeFrameLength(image.instance);
  if (length === undefined || numberOfInstances === undefined || numberOfInstances < 2) return false;
  return length * image.instance.numberOfFrames * numberOfInstances <= cacheBytes;
}

/**
 * Starts a series' one answer before its metadata has arrived (likelyOneAnswer said it will fit): the
 * answer flows while the metadata is on its way, and its files are cut into frames once `layout` is
 * known; a layout that turns out undefined (the metadata says otherwise) stops it. Held like
 * holdSeriesRetrievalEarly.
 */
export function holdSeriesRetrievalAhead({
  client,
  series,
  layout,
  alreadyFetched = () => false,
}: {
  client: DicomWebClient;
  series: { studyInstanceUid: string; seriesInstanceUid: string };
  layout: Promise<SeriesLayout | undefined>;
  alreadyFetched?: (imageId: string) => boolean;
}): void {
  earlyHolds.push(
    hold(
      series.seriesInstanceUid,
      () => new SeriesRetrieval(client, series, layout, Promise.resolve(), alreadyFetched),
    ),
  );
}
