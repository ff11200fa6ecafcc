import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { toInstanceMetadata, type DicomJsonDataset } from '../dicom';
import type { DicomWebClient } from '../dicomweb';
import { SeriesRetrieval, likelyOneAnswer, retrievalPlanOf, seriesLayoutOf } from './seriesRetrieval';
import { buildStack, type StackImage } from './stackOrder';

// A two-frame 4×4 16-bit image written by dcmtk (src/dicom/part10-samples/source.dump).
const sample = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../dicom/part10-samples/${name}`, import.meta.url)));
const SAMPLE_SOP = '1.2.826.0.1.3680043.8.498.4242.1';

function instance(sop: string, extra: DicomJsonDataset = {}): DicomJsonDataset {
  return {
    '0020000D': { vr: 'UI', Value: ['1.2.826.0.1.3680043.8.498.4242.2'] },
    '0020000E': { vr: 'UI', Value: ['1.2.826.0.1.3680043.8.498.4242.3'] },
    '00080018': { vr: 'UI', Value: [sop] },
    '00280008': { vr: 'IS', Value: [2] },
    '00280010': { vr: 'US', Value: [4] },
    '00280011': { vr: 'US', Value: [4] },
    '00280100': { vr: 'US', Value: [16] },
    ...extra,
  };
}

const stackOf = (...datasets: DicomJsonDataset[]): StackImage[] =>
  buildStack(
    datasets.map(toInstanceMetadata),
    (i, frame) => `http://pacs/${i.sopInstanceUid}/frames/${frame}`,
  );

/** A client whose series answer is the given files, then `failure` if one is given. */
function clientAnswering(files: Uint8Array[], failure?: Error): DicomWebClient {
  return {
    retrieveSeriesFiles: vi.fn(async function* () {
      await Promise.resolve();
      for (const file of files) yield file;
      if (failure) throw failure;
    }),
  } as unknown as DicomWebClient;
}

function start(client: DicomWebClient, stack: StackImage[], alreadyFetched = (_: string) => false) {
  const plan = retrievalPlanOf(stack, 1e9);
  if (plan.kind !== 'bulk') throw new Error(plan.reason);
  return new SeriesRetrieval(
    client,
    stack[0]!.instance,
    seriesLayoutOf(stack, plan),
    Promise.resolve(),
    alreadyFetched,
  );
}

describe('retrievalPlanOf', () => {
  it('retrieves a stack of native images in one answer, within the cache budget', () => {
    const stack = stackOf(instance(SAMPLE_SOP), instance('1.2.3'));
    expect(retrievalPlanOf(stack, 128)).toMatchObject({ kind: 'bulk', bytes: 128 });
    expect(retrievalPlanOf(stack, 127)).toEqual({ kind: 'per-frame', reason: 'larger than the image cache' });
  });

  it('leaves single images and series the metadata says are compressed to per-frame loading', () => {
    expect(retrievalPlanOf(stackOf(instance('1', { '00280008': { vr: 'IS', Value: [1] } })), 1e9).kind).toBe(
      'per-frame',
    );
    const rle = { '00083002': { vr: 'UI', Value: ['1.2.840.10008.1.2.5'] } } as DicomJsonDataset;
    expect(retrievalPlanOf(stackOf(instance('1', rle), instance('2', rle)), 1e9)).toEqual({
      kind: 'per-frame',
      reason: 'no native images',
    });
    const packed = { '00280100': { vr: 'US', Value: [1] } } as DicomJsonDataset;
    expect(retrievalPlanOf(stackOf(instance('1', packed)), 1e9).kind).toBe('per-frame');
  });
});

describe('likelyOneAnswer', () => {
  // One instance of two 4×4 16-bit frames: 64 bytes; the series search says how many instances.
  const [likely] = stackOf(instance(SAMPLE_SOP));

  it('expects one answer when the likely first image times the series search fits the cache', () => {
    expect(likelyOneAnswer(likely!, 10, 640)).toBe(true);
    expect(likelyOneAnswer(likely!, 10, 639)).toBe(false);
  });

  it('waits for the metadata when the series search gave no count, or a single instance', () => {
    expect(likelyOneAnswer(likely!, undefined, 1e9)).toBe(false);
    expect(likelyOneAnswer(likely!, 1, 1e9)).toBe(false);
  });

  it('waits for the metadata when the frame size is unknown', () => {
    const [unsized] = stackOf(instance('1.2.3', { '00280100': { vr: 'US', Value: [1] } }));
    expect(likelyOneAnswer(unsized!, 10, 1e9)).toBe(false);
  });
});

describe('seriesLayoutOf', () => {
  it("groups the stack's images by instance, with the frame length the plan found", () => {
    const rle = { '00083002': { vr: 'UI', Value: ['1.2.840.10008.1.2.5'] } } as DicomJsonDataset;
    const stack = stackOf(instance(SAMPLE_SOP), instance('1.2.3', rle));
    const plan = retrievalPlanOf(stack, 1e9);
    if (plan.kind !== 'bulk') throw new Error(plan.reason);
    const layout = seriesLayoutOf(stack, plan);
    expect(layout.get(SAMPLE_SOP)).toEqual({
      frameLength: 32,
      numberOfFrames: 2,
      // No photometric interpretation: not decoded in the answer's worker.
      decoding: undefined,
      images: stack
        .filter((image) => image.instance.sopInstanceUid === SAMPLE_SOP)
        .map(({ imageId, frame }) => ({ imageId, frame })),
    });
    // A file the metadata says is compressed: in the layout, so that its file counts as unusable.
    expect(layout.get('1.2.3')).toMatchObject({ frameLength: undefined, numberOfFrames: 2 });
    expect(layout.get('1.2.3')?.images).toHaveLength(2);
  });
});

describe('SeriesRetrieval', () => {
  it('asked for before the metadata, hands the frames over once the layout has arrived', async () => {
    const stack = stackOf(instance(SAMPLE_SOP));
    const plan = retrievalPlanOf(stack, 1e9);
    if (plan.kind !== 'bulk') throw new Error(plan.reason);
    let arrive: (layout: ReturnType<typeof seriesLayoutOf>) => void = () => undefined;
    const layout = new Promise<ReturnType<typeof seriesLayoutOf>>((resolve) => (arrive = resolve));
    const client = clientAnswering([sample('explicit-undefined.dcm')]);
    const retrieval = new SeriesRetrieval(client, stack[0]!.instance, layout, Promise.resolve(), () => false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.retrieveSeriesFiles).toHaveBeenCalled();
    expect(retrieval.framesReceived).toBe(0);
    arrive(seriesLayoutOf(stack, plan));
    await retrieval.ended;
    expect(retrieval.isComplete).toBe(true);
    expect(retrieval.framesReceived).toBe(2);
  });

  it('asked for before the metadata, stops when the metadata says the series is not for one answer', async () => {
    const stack = stackOf(instance(SAMPLE_SOP));
    const client = clientAnswering([sample('explicit-undefined.dcm')]);
    const retrieval = new SeriesRetrieval(
      client,
      stack[0]!.instance,
      Promise.resolve(undefined),
      Promise.resolve(),
      () => false,
    );
    await retrieval.ended;
    expect(retrieval.isComplete).toBe(false);
    expect(retrieval.framesReceived).toBe(0);
  });

  it('keeps each frame of a file for its image, and hands each over once', async () => {
    const stack = stackOf(instance(SAMPLE_SOP));
    const retrieval = start(clientAnswering([sample('explicit-undefined.dcm')]), stack);
    const delivered: string[] = [];
    retrieval.deliverTo((imageId) => delivered.push(imageId));
    await retrieval.ended;
    expect(retrieval.isComplete).toBe(true);
    expect(delivered).toEqual(stack.map((image) => image.imageId));
    const second = retrieval.takeStored(stack[1]!.imageId)!;
    expect(second.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect([...new Uint16Array(second.pixelData)]).toEqual(Array.from({ length: 16 }, (_, i) => 0x0101 + i));
    expect(retrieval.takeStored(stack[1]!.imageId)).toBeUndefined();
  });

  it('does not keep a second copy of a frame another path has', async () => {
    const stack = stackOf(instance(SAMPLE_SOP));
    const retrieval = start(
      clientAnswering([sample('implicit-undefined.dcm')]),
      stack,
      (id) => id === stack[0]!.imageId,
    );
    await retrieval.ended;
    expect(retrieval.takeStored(stack[0]!.imageId)).toBeUndefined();
    expect(retrieval.takeStored(stack[1]!.imageId)?.transferSyntaxUid).toBe('1.2.840.10008.1.2');
  });

  it('keeps greyscale frames decoded, for the viewport, not for the image loader', async () => {
    const grey = {
      '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
      '00281052': { vr: 'DS', Value: [-1024] },
      '00281053': { vr: 'DS', Value: [1] },
    } as DicomJsonDataset;
    const stack = stackOf(instance(SAMPLE_SOP, grey));
    const retrieval = start(clientAnswering([sample('explicit-defined.dcm')]), stack);
    await retrieval.ended;
    const imageId = stack[1]!.imageId;
    expect(retrieval.takeStored(imageId)).toBeUndefined();
    const frame = retrieval.takeDecoded(imageId);
    expect(frame?.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(frame?.pixels.pixelData).toBeInstanceOf(Int16Array);
    expect(frame?.pixels.pixelData[0]).toBe(0x0101 - 1024);
    expect(retrieval.takeDecoded(imageId)).toBeUndefined();
  });

  it('gives up on an answer of mostly compressed files, and ends without rejecting', async () => {
    const rle = sample('rle.dcm');
    const client = clientAnswering([rle, rle, rle, rle, sample('explicit-undefined.dcm')]);
    const retrieval = start(client, stackOf(instance(SAMPLE_SOP)));
    await retrieval.ended;
    expect(retrieval.isComplete).toBe(false);
    expect(retrieval.framesReceived).toBe(0);
  });

  it('keeps what came before a failure, and ends without rejecting', async () => {
    const stack = stackOf(instance(SAMPLE_SOP));
    const retrieval = start(
      clientAnswering([sample('explicit-defined.dcm')], new Error('PACS unreachable')),
      stack,
    );
    await retrieval.ended;
    expect(retrieval.isComplete).toBe(false);
    expect(retrieval.takeStored(stack[0]!.imageId)).toBeDefined();
  });

  it('lets go of every byte not taken when stopped', async () => {
    const stack = stackOf(instance(SAMPLE_SOP));
    const retrieval = start(clientAnswering([sample('explicit-defined.dcm')]), stack);
    await retrieval.ended;
    retrieval.stop();
    expect(retrieval.takeStored(stack[0]!.imageId)).toBeUndefined();
  });
});
