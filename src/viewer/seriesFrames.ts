import { nativeFramesOf, nativePixelDataOf } from '../dicom';
import { decodeNativeFrame, type DecodedPixels, type NativeDecoding } from './nativeDecoding';

/**
 * How a series' one answer of Part-10 files is cut into the frames of a stack's images. Plain data and
 * functions, no DOM and no Cornerstone: the answer is read in a worker of its own where one can start
 * (seriesRetrieval.worker.ts), on the page otherwise (seriesRetrieval.ts), the same way.
 */

/** What the stack expects of one instance of the series. */
export interface InstanceFrames {
  /** Bytes of one native frame; undefined where the metadata does not say (its file is unusable). */
  frameLength: number | undefined;
  numberOfFrames: number;
  /** How its frames are decoded here; undefined: they go to the image loader as stored. */
  decoding: NativeDecoding | undefined;
  /** The stack's images of this instance, by 1-based frame number. */
  images: ReadonlyArray<{ imageId: string; frame: number }>;
}

/** The stack's instances by SOP Instance UID; structured-cloneable, so a worker can be given it. */
export type SeriesLayout = ReadonlyMap<string, InstanceFrames>;

/** A frame of the answer: decoded here where it could be (nativeDecoding.ts), else its bytes as stored. */
export type ImageFrame =
  | { imageId: string; kind: 'decoded'; pixels: DecodedPixels }
  | { imageId: string; kind: 'stored'; pixelData: ArrayBuffer };

/** The buffers a frame message hands over (transferred, not copied). */
export function buffersOf(frames: readonly ImageFrame[]): ArrayBuffer[] {
  return frames.map((frame) =>
    frame.kind === 'decoded' ? (frame.pixels.pixelData.buffer as ArrayBuffer) : frame.pixelData,
  );
}

function imageFrameOf(
  imageId: string,
  pixelData: ArrayBuffer,
  decoding: NativeDecoding | undefined,
): ImageFrame {
  const pixels = decoding && decodeNativeFrame(pixelData, decoding);
  return pixels ? { imageId, kind: 'decoded', pixels } : { imageId, kind: 'stored', pixelData };
}

/** What one file of the answer gave. */
export type FileFrames =
  | { kind: 'frames'; transferSyntaxUid: string; frames: ImageFrame[] }
  /** An instance that is not an image of the stack (a report, a localizer left out): no failure. */
  | { kind: 'not-in-stack' }
  /** A file this path cannot hand over: compressed, or not what the metadata said. */
  | { kind: 'unusable' };

/** The frames of one Part-10 file for the stack's images, each in a buffer of its own. */
export function framesOfFile(file: Uint8Array, layout: SeriesLayout): FileFrames {
  const pixels = nativePixelDataOf(file);
  if (!pixels) return { kind: 'unusable' };
  const instance = layout.get(pixels.sopInstanceUid);
  if (!instance) return { kind: 'not-in-stack' };
  if (instance.frameLength === undefined) return { kind: 'unusable' };
  const frames = nativeFramesOf(file, pixels, instance.frameLength, instance.numberOfFrames);
  if (!frames) return { kind: 'unusable' };
  const imageFrames: ImageFrame[] = [];
  for (const { imageId, frame } of instance.images) {
    const pixelData = frames[frame - 1];
    if (pixelData) imageFrames.push(imageFrameOf(imageId, pixelData, instance.decoding));
  }
  return { kind: 'frames', transferSyntaxUid: pixels.transferSyntaxUid, frames: imageFrames };
}

/** Files that could not be used before the answer is given up for per-frame loading. */
const GIVE_UP_AFTER_UNUSABLE = 4;

/** How reading an answer ended, when it did not fail. */
export type ReadingEnd = 'complete' | 'gave-up' | 'stopped';

/**
 * Reads the files of a series' answer into frames, handing each file's frames to `take` as soon as
 * the file is in. Gives up on an answer of mostly unusable files (a compressed series the metadata did
 * not say was): per-frame loading, which asks for what the browser decodes, does better than the rest
 * of them. Stopping `files` early (give-up, `signal`) cancels the answer. A failure of the answer
 * rejects, after the frames read before it were handed over.
 *
 * The layout may still be on its way (the answer is asked for before the series' metadata has
 * arrived): the files are then read as they come, so that the answer keeps flowing, and kept until it
 * is known. A layout that turns out to be undefined (the series is not for one answer) stops the answer.
 */
export async function readSeriesFrames(
  files: AsyncIterable<Uint8Array>,
  layout: SeriesLayout | PromiseLike<SeriesLayout | undefined>,
  take: (transferSyntaxUid: string, frames: ImageFrame[]) => void,
  signal: AbortSignal,
): Promise<ReadingEnd> {
  let known: SeriesLayout | undefined | null = isLayout(layout) ? layout : null;
  if (known === null) {
    void Promise.resolve(layout).then(
      (arrived) => (known = arrived),
      () => (known = undefined),
    );
  }
  const kept: Uint8Array[] = [];
  let frames = 0;
  let unusable = 0;
  /** Reads one file; false once the answer is given up. */
  const read = (file: Uint8Array, into: SeriesLayout): boolean => {
    const found = framesOfFile(file, into);
    if (found.kind === 'frames') {
      frames += found.frames.length;
      take(found.transferSyntaxUid, found.frames);
    } else if (found.kind === 'unusable') {
      unusable += 1;
      if (unusable >= GIVE_UP_AFTER_UNUSABLE && unusable > frames) return false;
    }
    return true;
  };
  /** Reads the kept files once the layout is known; false once the answer is given up or unwanted. */
  const readKept = (into: SeriesLayout): boolean => {
    for (const file of kept.splice(0)) if (!read(file, into) || signal.aborted) return false;
    return true;
  };
  for await (const file of files) {
    if (signal.aborted) return 'stopped';
    if (known === undefined) return 'stopped';
    if (known === null) {
      kept.push(file);
      continue;
    }
    if (!readKept(known) || !read(file, known)) return signal.aborted ? 'stopped' : 'gave-up';
    if (signal.aborted) return 'stopped';
  }
  const settled = known ?? (await Promise.resolve(layout).then(undefined, () => undefined));
  if (!settled || signal.aborted) return 'stopped';
  if (!readKept(settled)) return signal.aborted ? 'stopped' : 'gave-up';
  return signal.aborted ? 'stopped' : 'complete';
}

function isLayout(layout: SeriesLayout | PromiseLike<SeriesLayout | undefined>): layout is SeriesLayout {
  return typeof (layout as PromiseLike<unknown>).then !== 'function';
}

/** What the page asks of the worker that reads a series' answer. */
export interface SeriesReadingRequest {
  kind: 'read';
  /** The DICOMweb client's settings: the worker builds its own client, which fails the same way. */
  client: { qidoRoot: string; wadoRoot: string; requestTimeoutMs: number };
  studyInstanceUid: string;
  seriesInstanceUid: string;
  /** Absent when the answer is asked for before the metadata: a SeriesLayoutMessage follows. */
  layout?: SeriesLayout;
}

/** The layout of an answer asked for before it was known; undefined: the answer is not wanted. */
export interface SeriesLayoutMessage {
  kind: 'layout';
  layout: SeriesLayout | undefined;
}

export type SeriesReaderMessage = SeriesReadingRequest | SeriesLayoutMessage;

/** What the worker tells the page: frames as they come (their buffers transferred), then how it ended. */
export type SeriesReadingMessage =
  | { kind: 'frames'; transferSyntaxUid: string; frames: ImageFrame[] }
  | { kind: 'ended'; end: ReadingEnd }
  | { kind: 'failed'; message: string };
