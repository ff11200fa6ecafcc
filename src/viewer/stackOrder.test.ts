import { describe, expect, it } from 'vitest';
import type { InstanceMetadata } from '../dicom';
import { buildStack, sortForStack } from './stackOrder';

const AXIAL = [1, 0, 0, 0, 1, 0] as const;

const slice = (
  uid: string,
  instanceNumber: number | undefined,
  z?: number,
  orientation: readonly number[] = AXIAL,
  frames = 1,
): InstanceMetadata => ({
  studyInstanceUid: '1',
  seriesInstanceUid: '2',
  sopInstanceUid: uid,
  instanceNumber,
  numberOfFrames: frames,
  imagePositionPatient: z === undefined ? undefined : [-125, -125, z],
  imageOrientationPatient: [...orientation] as InstanceMetadata['imageOrientationPatient'],
  hasPixelData: true,
  dataset: {},
});

const uids = (list: InstanceMetadata[]) => list.map((i) => i.sopInstanceUid);

describe('sortForStack', () => {
  it('orders by position, in the direction of rising instance numbers', () => {
    // Instance 1 is the top slice (highest z), as a head-first axial CT is numbered.
    const shuffled = [slice('c', 3, 80), slice('a', 1, 100), slice('d', 4, 70), slice('b', 2, 90)];
    expect(uids(sortForStack(shuffled))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders by position when instance numbers are wrong', () => {
    const mislabelled = [slice('low', 1, 0), slice('high', 2, 10), slice('mid', 3, 5)];
    expect(uids(sortForStack(mislabelled))).toEqual(['low', 'mid', 'high']);
  });

  it('falls back to instance numbers without geometry or with mixed orientations', () => {
    expect(uids(sortForStack([slice('b', 2), slice('none', undefined), slice('a', 1)]))).toEqual([
      'a',
      'b',
      'none',
    ]);
    const localizer = [
      slice('sag', 2, 0, [0, 1, 0, 0, 0, -1]),
      slice('ax', 1, 5),
      slice('cor', 3, 0, [1, 0, 0, 0, 0, -1]),
    ];
    expect(uids(sortForStack(localizer))).toEqual(['ax', 'sag', 'cor']);
  });

  it('keeps instance order for images at one position (a time series)', () => {
    expect(uids(sortForStack([slice('t2', 2, 0), slice('t1', 1, 0)]))).toEqual(['t1', 't2']);
  });
});

describe('buildStack', () => {
  it('makes one wadors image id per frame', () => {
    const stack = buildStack(
      [slice('b', 2, 0), slice('a', 1, 10, AXIAL, 2)],
      (i, f) => `/dicom-web/i/${i.sopInstanceUid}/frames/${f}`,
    );
    expect(stack.map((s) => s.imageId)).toEqual([
      'wadors:/dicom-web/i/a/frames/1',
      'wadors:/dicom-web/i/a/frames/2',
      'wadors:/dicom-web/i/b/frames/1',
    ]);
    expect(stack[1]!.frame).toBe(2);
  });
});
