import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NativeDecoding } from './nativeDecoding';
import { framesOfFile, readSeriesFrames, type ImageFrame, type SeriesLayout } from './seriesFrames';

// A two-frame 4×4 16-bit image written by dcmtk (src/dicom/part10-samples/source.dump).
const sample = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../dicom/part10-samples/${name}`, import.meta.url)));
const SAMPLE_SOP = '1.2.826.0.1.3680043.8.498.4242.1';
const FRAME_BYTES = 4 * 4 * 2;

const layoutOf = (
  frameLength: number | undefined,
  frames = [1, 2],
  decoding: NativeDecoding | undefined = undefined,
): SeriesLayout =>
  new Map([
    [
      SAMPLE_SOP,
      {
        frameLength,
        numberOfFrames: 2,
        decoding,
        images: frames.map((frame) => ({ imageId: `image-${frame}`, frame })),
      },
    ],
  ]);

/** The sample's frames as 4×4 unsigned 16-bit greyscale, with `patch`. */
const decodingOf = (patch: Partial<NativeDecoding> = {}): NativeDecoding => ({
  columns: 4,
  rows: 4,
  bitsAllocated: 16,
  bitsStored: 16,
  signed: false,
  scaling: undefined,
  ...patch,
});

async function* answer(files: Uint8Array[], failure?: Error) {
  await Promise.resolve();
  for (const file of files) yield file;
  if (failure) throw failure;
}

/** An answer that says whether its reader stopped it early (for-await calls return()). */
function watchedAnswer(files: Uint8Array[]) {
  const seen = { read: 0, cancelled: false };
  async function* files_() {
    try {
      for (const file of files) {
        seen.read += 1;
        yield file;
      }
    } finally {
      seen.cancelled = seen.read < files.length;
    }
  }
  return { files: files_(), seen };
}

describe('framesOfFile', () => {
  it("cuts a file's frames for the stack's images, each in a buffer of its own", () => {
    const found = framesOfFile(sample('explicit-defined.dcm'), layoutOf(FRAME_BYTES));
    expect(found.kind).toBe('frames');
    if (found.kind !== 'frames') return;
    expect(found.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(found.frames.map((frame) => frame.imageId)).toEqual(['image-1', 'image-2']);
    const [first, second] = found.frames;
    if (first?.kind !== 'stored' || second?.kind !== 'stored') throw new Error('frames not as stored');
    expect(first.pixelData).not.toBe(second.pixelData);
    expect(first.pixelData.byteLength).toBe(FRAME_BYTES);
    expect([...new Uint16Array(second.pixelData)]).toEqual(Array.from({ length: 16 }, (_, i) => 0x0101 + i));
  });

  it('decodes the frames where the layout says how, rescaled as the image loader would', () => {
    const decoding = decodingOf({ scaling: { rescaleSlope: 1, rescaleIntercept: -1024, modality: 'CT' } });
    const found = framesOfFile(sample('explicit-defined.dcm'), layoutOf(FRAME_BYTES, [1, 2], decoding));
    if (found.kind !== 'frames') throw new Error(found.kind);
    const second = found.frames[1];
    if (second?.kind !== 'decoded') throw new Error('frame not decoded');
    expect(second.pixels.pixelData).toBeInstanceOf(Int16Array);
    expect([...second.pixels.pixelData]).toEqual(Array.from({ length: 16 }, (_, i) => 0x0101 + i - 1024));
    expect([second.pixels.smallest, second.pixels.largest]).toEqual([0x0101 - 1024, 0x0110 - 1024]);
  });

  it('hands over frames as stored where the bytes are fewer than the decoding needs', () => {
    const decoding = decodingOf({ columns: 8 });
    const found = framesOfFile(sample('explicit-defined.dcm'), layoutOf(FRAME_BYTES, [1], decoding));
    expect(found.kind === 'frames' && found.frames.map((frame) => frame.kind)).toEqual(['stored']);
  });

  it('gives only the frames the stack shows', () => {
    const found = framesOfFile(sample('implicit-undefined.dcm'), layoutOf(FRAME_BYTES, [2]));
    expect(found.kind === 'frames' && found.frames.map((frame) => frame.imageId)).toEqual(['image-2']);
  });

  it('tells files of other instances from files it cannot use', () => {
    expect(framesOfFile(sample('explicit-defined.dcm'), new Map())).toEqual({ kind: 'not-in-stack' });
    expect(framesOfFile(sample('rle.dcm'), layoutOf(FRAME_BYTES))).toEqual({ kind: 'unusable' });
    // The metadata gave no frame length, or one the Pixel Data is too short for.
    expect(framesOfFile(sample('explicit-defined.dcm'), layoutOf(undefined))).toEqual({ kind: 'unusable' });
    expect(framesOfFile(sample('explicit-defined.dcm'), layoutOf(FRAME_BYTES * 2))).toEqual({
      kind: 'unusable',
    });
  });
});

describe('readSeriesFrames', () => {
  const collect = () => {
    const taken: ImageFrame[] = [];
    return { taken, take: (_: string, frames: ImageFrame[]) => taken.push(...frames) };
  };

  it('hands over the frames of each file as it comes, and ends complete', async () => {
    const { taken, take } = collect();
    const end = await readSeriesFrames(
      answer([sample('explicit-defined.dcm'), sample('explicit-undefined.dcm')]),
      layoutOf(FRAME_BYTES),
      take,
      new AbortController().signal,
    );
    expect(end).toBe('complete');
    expect(taken.map((frame) => frame.imageId)).toEqual(['image-1', 'image-2', 'image-1', 'image-2']);
  });

  it('gives up on an answer of mostly unusable files, and stops the answer', async () => {
    const rle = sample('rle.dcm');
    const { files, seen } = watchedAnswer([rle, rle, rle, rle, sample('explicit-defined.dcm')]);
    const { taken, take } = collect();
    expect(await readSeriesFrames(files, layoutOf(FRAME_BYTES), take, new AbortController().signal)).toBe(
      'gave-up',
    );
    expect(taken).toEqual([]);
    expect(seen.cancelled).toBe(true);
  });

  it('keeps going past a few unusable files among usable ones', async () => {
    const rle = sample('rle.dcm');
    const usable = sample('explicit-defined.dcm');
    const { taken, take } = collect();
    const end = await readSeriesFrames(
      answer([usable, usable, usable, rle, rle, rle, rle, usable]),
      layoutOf(FRAME_BYTES),
      take,
      new AbortController().signal,
    );
    expect(end).toBe('complete');
    expect(taken).toHaveLength(8);
  });

  it('stops reading when stopped', async () => {
    const controller = new AbortController();
    const { files, seen } = watchedAnswer([sample('explicit-defined.dcm'), sample('explicit-defined.dcm')]);
    const end = await readSeriesFrames(
      files,
      layoutOf(FRAME_BYTES),
      () => controller.abort(),
      controller.signal,
    );
    expect(end).toBe('stopped');
    expect(seen.cancelled).toBe(true);
  });

  it('rejects with the failure of the answer, after handing over what came before it', async () => {
    const { taken, take } = collect();
    await expect(
      readSeriesFrames(
        answer([sample('explicit-defined.dcm')], new Error('PACS unreachable')),
        layoutOf(FRAME_BYTES),
        take,
        new AbortController().signal,
      ),
    ).rejects.toThrow('PACS unreachable');
    expect(taken).toHaveLength(2);
  });

  it('reads the files that came before the layout once it is known, and goes on', async () => {
    let arrive: (layout: SeriesLayout) => void = () => undefined;
    const layout = new Promise<SeriesLayout>((resolve) => (arrive = resolve));
    const { files, seen } = watchedAnswer([sample('explicit-defined.dcm'), sample('explicit-undefined.dcm')]);
    const { taken, take } = collect();
    const reading = readSeriesFrames(files, layout, take, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The answer flowed on while the layout was unknown, and nothing was cut without it.
    expect(seen.read).toBe(2);
    expect(taken).toEqual([]);
    arrive(layoutOf(FRAME_BYTES));
    expect(await reading).toBe('complete');
    expect(taken.map((frame) => frame.imageId)).toEqual(['image-1', 'image-2', 'image-1', 'image-2']);
  });

  it('stops an answer whose layout turns out not to be wanted, handing over nothing', async () => {
    const { files } = watchedAnswer([sample('explicit-defined.dcm')]);
    const { taken, take } = collect();
    const end = await readSeriesFrames(files, Promise.resolve(undefined), take, new AbortController().signal);
    expect(end).toBe('stopped');
    expect(taken).toEqual([]);
  });

  it('stops reading at the next file once the layout is known to be unwanted', async () => {
    const { files, seen } = watchedAnswer([
      sample('explicit-defined.dcm'),
      sample('explicit-defined.dcm'),
      sample('explicit-defined.dcm'),
    ]);
    const unwanted = Promise.resolve(undefined);
    await unwanted;
    const { take } = collect();
    expect(await readSeriesFrames(files, unwanted, take, new AbortController().signal)).toBe('stopped');
    expect(seen.cancelled).toBe(true);
  });
});
