import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../../dicom';
import {
  drawFirstFrame,
  firstFrameLookOf,
  fitImage,
  initialVoiRange,
  modalityValuesOf,
  readsTransferSyntax,
  type FirstFrameLook,
} from './firstFramePixels';

const ct: DicomJsonDataset = {
  '00080060': { vr: 'CS', Value: ['CT'] },
  '00280002': { vr: 'US', Value: [1] },
  '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
  '00280010': { vr: 'US', Value: [2] },
  '00280011': { vr: 'US', Value: [3] },
  '00280030': { vr: 'DS', Value: [0.7, 0.7] },
  '00280100': { vr: 'US', Value: [16] },
  '00280101': { vr: 'US', Value: [16] },
  '00280103': { vr: 'US', Value: [1] },
  '00281050': { vr: 'DS', Value: [40, -600] },
  '00281051': { vr: 'DS', Value: [400, 1500] },
  '00281052': { vr: 'DS', Value: [-1024] },
  '00281053': { vr: 'DS', Value: [1] },
};

const look = (patch: Partial<FirstFrameLook> = {}): FirstFrameLook => ({
  columns: 2,
  rows: 2,
  bitsAllocated: 16,
  signed: true,
  slope: 1,
  intercept: 0,
  inverted: false,
  rowSpacing: 1,
  columnSpacing: 1,
  window: undefined,
  ...patch,
});

const greys = (out: Uint8ClampedArray) => Array.from(out.filter((_, i) => i % 4 === 0));

describe('firstFrameLookOf', () => {
  it('reads a signed CT with its rescale, spacing and first window', () => {
    expect(firstFrameLookOf(ct)).toEqual({
      columns: 3,
      rows: 2,
      bitsAllocated: 16,
      signed: true,
      slope: 1,
      intercept: -1024,
      inverted: false,
      rowSpacing: 0.7,
      columnSpacing: 0.7,
      window: { center: 40, width: 400 },
    });
  });

  it('marks MONOCHROME1 as inverted and takes 1 mm without a pixel spacing', () => {
    const { '00280030': _spacing, ...rest } = ct;
    const read = firstFrameLookOf({ ...rest, '00280004': { vr: 'CS', Value: ['MONOCHROME1'] } });
    expect(read?.inverted).toBe(true);
    expect([read?.rowSpacing, read?.columnSpacing]).toEqual([1, 1]);
  });

  it('reads 12 of 16 bits as the whole words the image loader reads', () => {
    expect(firstFrameLookOf({ ...ct, '00280101': { vr: 'US', Value: [12] } })?.bitsAllocated).toBe(16);
  });

  it('leaves colour, PET, LUT sequences, non-linear VOI and 32-bit values to the viewer', () => {
    expect(firstFrameLookOf({ ...ct, '00280004': { vr: 'CS', Value: ['RGB'] } })).toBeUndefined();
    expect(firstFrameLookOf({ ...ct, '00080060': { vr: 'CS', Value: ['PT'] } })).toBeUndefined();
    expect(firstFrameLookOf({ ...ct, '00283010': { vr: 'SQ', Value: [{}] } })).toBeUndefined();
    expect(firstFrameLookOf({ ...ct, '00281056': { vr: 'CS', Value: ['SIGMOID'] } })).toBeUndefined();
    expect(firstFrameLookOf({ ...ct, '00280100': { vr: 'US', Value: [32] } })).toBeUndefined();
  });
});

describe('readsTransferSyntax', () => {
  it('reads uncompressed little endian only', () => {
    expect(readsTransferSyntax('1.2.840.10008.1.2')).toBe(true);
    expect(readsTransferSyntax('1.2.840.10008.1.2.1')).toBe(true);
    expect(readsTransferSyntax(undefined)).toBe(true);
    expect(readsTransferSyntax('1.2.840.10008.1.2.2')).toBe(false);
    expect(readsTransferSyntax('1.2.840.10008.1.2.4.50')).toBe(false);
  });
});

describe('modalityValuesOf', () => {
  it('rescales signed 16-bit values', () => {
    const stored = new Int16Array([-1000, 0, 1064, 2524]);
    const values = modalityValuesOf(stored.buffer, look({ intercept: -1024 }));
    expect(Array.from(values!)).toEqual([-2024, -1024, 40, 1500]);
  });

  it('reads unsigned values above 32767 as such', () => {
    const stored = new Uint16Array([40000, 1, 2, 3]);
    expect(modalityValuesOf(stored.buffer, look({ signed: false }))![0]).toBe(40000);
  });

  it('refuses a frame shorter than the image', () => {
    expect(modalityValuesOf(new ArrayBuffer(6), look())).toBeUndefined();
  });
});

describe('initialVoiRange', () => {
  it("opens with the file's window by DICOM's linear function", () => {
    expect(initialVoiRange(new Float32Array(4), look({ window: { center: 40, width: 400 } }))).toEqual({
      lower: -160,
      upper: 240 - 1,
    });
  });

  it("opens with the image's own range without one", () => {
    expect(initialVoiRange(new Float32Array([5, -3, 9, 0]), look())).toEqual({ lower: -3, upper: 9 });
  });
});

describe('fitImage', () => {
  it('fits a square image to the height of a wide viewport, centred', () => {
    expect(fitImage(1000, 500, look({ columns: 512, rows: 512 }))).toEqual({
      left: 250,
      top: 0,
      width: 500,
      height: 500,
    });
  });

  it('keeps the physical aspect of non-square pixels', () => {
    // 100 columns of 2 mm by 100 rows of 1 mm: twice as wide as high.
    const fitted = fitImage(400, 400, look({ columns: 100, rows: 100, columnSpacing: 2, rowSpacing: 1 }));
    expect(fitted).toEqual({ left: 0, top: 100, width: 400, height: 200 });
  });
});

describe('drawFirstFrame', () => {
  it('windows each pixel at its centre when drawn at its own size', () => {
    const values = new Float32Array([-160, 39.5, 239, 1500]);
    const out = new Uint8ClampedArray(2 * 2 * 4);
    drawFirstFrame(values, look(), { lower: -160, upper: 239 }, 2, 2, out);
    expect(greys(out)).toEqual([0, 128, 255, 255]);
    expect(out.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
  });

  it('inverts MONOCHROME1', () => {
    const out = new Uint8ClampedArray(2 * 2 * 4);
    drawFirstFrame(
      new Float32Array([0, 10, 10, 0]),
      look({ inverted: true }),
      { lower: 0, upper: 10 },
      2,
      2,
      out,
    );
    expect(greys(out)).toEqual([255, 0, 0, 255]);
  });

  it('interpolates values before windowing, so a small bright spot keeps its peak', () => {
    // 3×1 image enlarged 3×: the middle canvas pixel of the bright image pixel is exactly its centre.
    const bright = look({ columns: 3, rows: 1 });
    const out = new Uint8ClampedArray(9 * 3 * 4);
    drawFirstFrame(new Float32Array([0, 1500, 0]), bright, { lower: -160, upper: 239 }, 9, 3, out);
    const row = greys(out).slice(9, 18);
    expect(row[4]).toBe(255);
    // One canvas pixel to the side lies a third of the way to the dark neighbour: 1000 HU, still white.
    expect(row[3]).toBe(255);
    expect(row[0]).toBe(Math.round((160 * 255) / 399));
  });

  it('leaves the canvas black around the fitted image', () => {
    const out = new Uint8ClampedArray(4 * 2 * 4);
    drawFirstFrame(new Float32Array([10, 10, 10, 10]), look(), { lower: 0, upper: 10 }, 4, 2, out);
    expect(greys(out)).toEqual([0, 255, 255, 0, 0, 255, 255, 0]);
  });
});
