import { describe, expect, it } from 'vitest';
import { ownWindowRange, sameImageGrid, windowForNewImage } from './stackImages';
import { windowFromRange } from './windowLevel';

// The codec study's stack: a CT image, then an MR image, each with its own window in the file.
const CT = { windowCenter: 40, windowWidth: 400 };
const MR = { windowCenter: [20000, 30000], windowWidth: [40000, 20000] };

describe('ownWindowRange', () => {
  it('is the DICOM linear range of the first window, shown back as written', () => {
    expect(ownWindowRange(CT)).toEqual({ lower: -160, upper: 239 });
    expect(windowFromRange(-160, 239)).toEqual({ width: 400, center: 40 });
    expect(ownWindowRange(MR)).toEqual({ lower: 0, upper: 39999 });
  });

  it('follows LINEAR_EXACT', () => {
    expect(ownWindowRange({ ...CT, voiLUTFunction: 'LINEAR_EXACT' })).toEqual({ lower: -160, upper: 240 });
  });

  it('is undefined without a window', () => {
    expect(ownWindowRange({})).toBeUndefined();
    expect(ownWindowRange({ windowCenter: 40 })).toBeUndefined();
    expect(ownWindowRange({ windowCenter: [], windowWidth: [] })).toBeUndefined();
  });
});

describe('windowForNewImage', () => {
  it("gives each image its own window, not the previous image's", () => {
    expect(windowForNewImage(undefined, MR)).toEqual(ownWindowRange(MR));
    expect(windowForNewImage(undefined, CT)).toEqual(ownWindowRange(CT));
  });

  it('keeps the window the user chose', () => {
    const lung = { lower: -1350, upper: 149 };
    expect(windowForNewImage(lung, CT)).toEqual(lung);
    expect(windowForNewImage(lung, MR)).toEqual(lung);
  });
});

describe('sameImageGrid', () => {
  const ct = { columns: 512, rows: 512, columnPixelSpacing: 0.7, rowPixelSpacing: 0.7 };
  it('is true for the slices of one series', () => {
    expect(sameImageGrid(ct, { ...ct })).toBe(true);
    expect(
      sameImageGrid({ columns: 640, rows: 480 }, { columns: 640, rows: 480, rowPixelSpacing: null }),
    ).toBe(true);
  });

  it('is false for another size or pixel spacing', () => {
    expect(sameImageGrid(ct, { ...ct, columns: 256, rows: 256 })).toBe(false);
    expect(sameImageGrid(ct, { ...ct, rows: 1280 })).toBe(false);
    expect(sameImageGrid(ct, { ...ct, columnPixelSpacing: 0.9, rowPixelSpacing: 0.9 })).toBe(false);
  });
});
