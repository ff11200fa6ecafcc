import { describe, expect, it } from 'vitest';
import { halfPixel, indexToWorld, worldToIndex } from './pixelCentres';

// The demo CT's plane: axial, 0.7 mm pixels, first pixel centred at (−178.85, −178.85, 0).
const AXIAL = {
  origin: [-178.85, -178.85, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  spacing: [0.7, 0.7, 1.25],
};
// A coronal plane with different row and column spacing.
const CORONAL = { origin: [10, 20, 30], direction: [1, 0, 0, 0, 0, -1, 0, 1, 0], spacing: [0.5, 2] };

describe('halfPixel', () => {
  it('is half a pixel along the rows and the columns', () => {
    expect(halfPixel(AXIAL)).toEqual([0.35, 0.35, 0]);
    expect(halfPixel(CORONAL)).toEqual([0.25, 0, -1]);
  });
});

describe('worldToIndex and indexToWorld', () => {
  it('put pixel centres on whole numbers and invert each other', () => {
    expect(indexToWorld(AXIAL, [0, 0, 0])).toEqual([-178.85, -178.85, 0]);
    const world = indexToWorld(AXIAL, [256, 330, 0]);
    expect(world[0]).toBeCloseTo(0.35, 9);
    expect(world[1]).toBeCloseTo(52.15, 9);
    const index = worldToIndex(AXIAL, world);
    expect(index[0]).toBeCloseTo(256, 9);
    expect(index[1]).toBeCloseTo(330, 9);
    const back = worldToIndex(CORONAL, indexToWorld(CORONAL, [3, 7, 0]));
    expect(back[0]).toBeCloseTo(3, 9);
    expect(back[1]).toBeCloseTo(7, 9);
  });
});
