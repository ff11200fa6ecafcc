import { metaData } from '@cornerstonejs/core';
import { postProcessDecodedPixels } from '@cornerstonejs/dicom-image-loader';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader/imageLoader';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../dicom';
import { arrayTypeFor, decodeNativeFrame, nativeDecodingOf, type NativeDecoding } from './nativeDecoding';

/**
 * Decoding here must give what Cornerstone's image loader gives for the same frame. The loader's own
 * steps run on the same bytes: its reading of the metadata (wadors provider, getImageFrame,
 * getScalingParameters), its post-processing (postProcessDecodedPixels, the decoding worker's last
 * step) and its typing on the page (setPixelDataType). Only its first step, the typed view of native
 * little-endian bytes (decodeLittleEndian, not exported), is written out here.
 */

const { wadors } = dicomImageLoader;

beforeAll(() => {
  metaData.addProvider(wadors.metaData.metaDataProvider, 1);
});

let images = 0;

interface Kind {
  name: string;
  modality?: string;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  signed: boolean;
  slope?: number;
  intercept?: number;
  photometric?: string;
  values: number[];
}

function datasetOf(kind: Kind, rows: number, columns: number): DicomJsonDataset {
  const dataset: DicomJsonDataset = {
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00080060': { vr: 'CS', Value: [kind.modality ?? 'CT'] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: [kind.photometric ?? 'MONOCHROME2'] },
    '00280010': { vr: 'US', Value: [rows] },
    '00280011': { vr: 'US', Value: [columns] },
    '00280100': { vr: 'US', Value: [kind.bitsAllocated] },
    '00280101': { vr: 'US', Value: [kind.bitsStored] },
    '00280102': { vr: 'US', Value: [kind.bitsStored - 1] },
    '00280103': { vr: 'US', Value: [kind.signed ? 1 : 0] },
  };
  if (kind.slope !== undefined) dataset['00281053'] = { vr: 'DS', Value: [kind.slope] };
  if (kind.intercept !== undefined) dataset['00281052'] = { vr: 'DS', Value: [kind.intercept] };
  return dataset;
}

/** The frame's bytes, little-endian words of the allocated size (stored bits as given). */
function frameOf(kind: Kind): ArrayBuffer {
  const bytes = kind.bitsAllocated / 8;
  const view = new DataView(new ArrayBuffer(kind.values.length * bytes));
  kind.values.forEach((v, i) =>
    bytes === 1 ? view.setUint8(i, v) : view.setUint16(i * 2, v & 0xffff, true),
  );
  return view.buffer;
}

/** What the image loader makes of the frame: its pixel array and recorded range. */
function loaderDecoding(imageId: string, frame: ArrayBuffer) {
  const imageFrame = dicomImageLoader.getImageFrame(imageId) as unknown as Record<string, unknown>;
  const scalingParameters = dicomImageLoader.getScalingParameters(metaData, imageId);
  const copy = frame.slice(0);
  imageFrame.pixelData =
    imageFrame.bitsAllocated === 8
      ? new Uint8Array(copy)
      : imageFrame.pixelRepresentation === 0
        ? new Uint16Array(copy)
        : new Int16Array(copy);
  const options = {
    preScale: scalingParameters ? { enabled: true, scalingParameters } : { enabled: false },
    allowFloatRendering: true,
  };
  const decoded = postProcessDecodedPixels(imageFrame as never, options as never, 0, {}) as Record<
    string,
    unknown
  >;
  dicomImageLoader.setPixelDataType(decoded as never);
  return {
    pixelData: decoded.pixelData as ArrayLike<number>,
    smallest: decoded.smallestPixelValue as number,
    largest: decoded.largestPixelValue as number,
    scaled: (decoded.preScale as { scaled?: boolean } | undefined)?.scaled === true,
    scalingParameters,
  };
}

const kinds: Kind[] = [
  {
    name: 'CT, unsigned 12 bits, intercept −1024',
    bitsAllocated: 16,
    bitsStored: 12,
    signed: false,
    slope: 1,
    intercept: -1024,
    values: [0, 4095, 1024, 2000, 40, 3],
  },
  {
    name: 'CT, signed 16 bits, intercept −1024',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: true,
    slope: 1,
    intercept: -1024,
    values: [-2000, 3071, 0, 1024, -1, 12],
  },
  {
    name: 'signed 12 bits in 16 (sign from the stored bits, high bits set otherwise)',
    bitsAllocated: 16,
    bitsStored: 12,
    signed: true,
    slope: 1,
    intercept: 0,
    values: [0x0fff, 0x0800, 0x07ff, 0xf001, 5, 0x1234],
  },
  {
    name: 'MR, unsigned 16 bits, no rescale',
    modality: 'MR',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    values: [0, 65535, 300, 12, 9, 1],
  },
  {
    name: 'small values, no rescale (fits a byte array)',
    modality: 'MR',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    values: [0, 255, 3, 4, 5, 6],
  },
  {
    name: 'CR, 8 bits, MONOCHROME1',
    modality: 'CR',
    photometric: 'MONOCHROME1',
    bitsAllocated: 8,
    bitsStored: 8,
    signed: false,
    values: [0, 255, 128, 1, 2, 3],
  },
  {
    name: 'slope 2, intercept −3000 (rescaled range beyond 16 bits)',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 2,
    intercept: -3000,
    values: [0, 65535, 1500, 7, 8, 9],
  },
  {
    name: 'negative slope',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: -1,
    intercept: 100,
    values: [0, 50, 100, 400, 8, 9],
  },
  {
    name: 'a stored value the rescaled array type cannot hold wraps, as in the loader',
    bitsAllocated: 16,
    bitsStored: 16,
    signed: false,
    slope: 1,
    intercept: -32768,
    values: [40000, 32768, 60000, 65535, 33000, 50000],
  },
];

describe('decodeNativeFrame against the image loader', () => {
  for (const kind of kinds) {
    it(kind.name, () => {
      const rows = 2;
      const columns = kind.values.length / rows;
      const imageId = `wadors:https://pacs.test/frames/${++images}`;
      const dataset = datasetOf(kind, rows, columns);
      wadors.metaDataManager.add(imageId, dataset as never);
      const decoding = nativeDecodingOf(dataset);
      expect(decoding).toBeDefined();
      const expected = loaderDecoding(imageId, frameOf(kind));
      expect(decoding!.scaling).toEqual(expected.scalingParameters);
      const actual = decodeNativeFrame(frameOf(kind), decoding!)!;
      expect(actual.pixelData.constructor.name).toBe(expected.pixelData.constructor.name);
      expect(Array.from(actual.pixelData)).toEqual(Array.from(expected.pixelData));
      expect(actual.smallest).toBe(expected.smallest);
      expect(actual.largest).toBe(expected.largest);
      expect(actual.scaling !== undefined).toBe(expected.scaled);
    });
  }

  it('a frame shorter than the image is not decoded', () => {
    const decoding: NativeDecoding = {
      columns: 4,
      rows: 4,
      bitsAllocated: 16,
      bitsStored: 16,
      signed: false,
      scaling: undefined,
    };
    expect(decodeNativeFrame(new ArrayBuffer(31), decoding)).toBeUndefined();
    expect(decodeNativeFrame(new ArrayBuffer(32), decoding)).toBeDefined();
  });

  it('a CT frame becomes Hounsfield units in its own buffer, without a copy', () => {
    const frame = new Int16Array([-2000, 3071, 0, 1024]).buffer;
    const decoding: NativeDecoding = {
      columns: 2,
      rows: 2,
      bitsAllocated: 16,
      bitsStored: 16,
      signed: true,
      scaling: { rescaleSlope: 1, rescaleIntercept: -1024, modality: 'CT' },
    };
    const decoded = decodeNativeFrame(frame, decoding)!;
    expect(decoded.pixelData.buffer).toBe(frame);
    expect(Array.from(decoded.pixelData)).toEqual([-3024, 2047, -1024, 0]);
    expect([decoded.smallest, decoded.largest]).toEqual([-3024, 2047]);
  });

  it('a rescale that leaves the stored array type is undone before the values are copied', () => {
    // Unsigned words shifted below zero need signed words: the stored array cannot keep them.
    const stored = new Uint16Array([0, 4095, 100, 7]);
    const decoding: NativeDecoding = {
      columns: 2,
      rows: 2,
      bitsAllocated: 16,
      bitsStored: 12,
      signed: false,
      scaling: { rescaleSlope: 1, rescaleIntercept: -1024, modality: 'CT' },
    };
    const decoded = decodeNativeFrame(stored.buffer, decoding)!;
    expect(decoded.pixelData).toBeInstanceOf(Int16Array);
    expect(Array.from(decoded.pixelData)).toEqual([-1024, 3071, -924, -1017]);
  });
});

describe('nativeDecodingOf', () => {
  const ct: Kind = {
    name: 'ct',
    bitsAllocated: 16,
    bitsStored: 12,
    signed: false,
    slope: 1,
    intercept: -1024,
    values: [],
  };
  const base = datasetOf(ct, 512, 512);

  it('describes a CT frame', () => {
    expect(nativeDecodingOf(base)).toEqual({
      columns: 512,
      rows: 512,
      bitsAllocated: 16,
      bitsStored: 12,
      signed: false,
      scaling: { rescaleSlope: 1, rescaleIntercept: -1024, modality: 'CT' },
    });
  });

  it.each([
    ['colour', { '00280004': { vr: 'CS', Value: ['RGB'] }, '00280002': { vr: 'US', Value: [3] } }],
    ['PET (SUV scaling from other attributes)', { '00080060': { vr: 'CS', Value: ['PT'] } }],
    ['RT dose', { '00080060': { vr: 'CS', Value: ['RTDOSE'] } }],
    ['a fractional slope (float textures decide)', { '00281053': { vr: 'DS', Value: [0.5] } }],
    ['a fractional intercept', { '00281052': { vr: 'DS', Value: [-0.5] } }],
    ['32 bits allocated', { '00280100': { vr: 'US', Value: [32] }, '00280101': { vr: 'US', Value: [32] } }],
    [
      'signed 8 bits',
      {
        '00280100': { vr: 'US', Value: [8] },
        '00280101': { vr: 'US', Value: [8] },
        '00280103': { vr: 'US', Value: [1] },
      },
    ],
    ['more bits stored than allocated', { '00280101': { vr: 'US', Value: [17] } }],
    ['no rows', { '00280010': { vr: 'US', Value: [] } }],
  ] as Array<[string, DicomJsonDataset]>)('leaves %s to the image loader', (_, patch) => {
    expect(nativeDecodingOf({ ...base, ...patch })).toBeUndefined();
  });

  it('does not rescale where the rescale is the identity or absent', () => {
    const { '00281052': _, '00281053': __, ...plain } = base;
    expect(nativeDecodingOf(plain)?.scaling).toBeUndefined();
    expect(nativeDecodingOf({ ...base, '00281052': { vr: 'DS', Value: [0] } })?.scaling).toBeUndefined();
  });
});

describe('arrayTypeFor', () => {
  it('picks the smallest array that holds the range, as the loader does', () => {
    expect(arrayTypeFor(0, 255)).toBe(Uint8Array);
    expect(arrayTypeFor(0, 256)).toBe(Uint16Array);
    expect(arrayTypeFor(0, 70000)).toBe(Uint32Array);
    expect(arrayTypeFor(-1, 127)).toBe(Int8Array);
    expect(arrayTypeFor(-1024, 3071)).toBe(Int16Array);
    expect(arrayTypeFor(-3000, 128070)).toBe(Float32Array);
    expect(arrayTypeFor(0.5, 1)).toBe(Float32Array);
  });
});
