import { describe, expect, it } from 'vitest';
import { framesFromMetadata } from './series';

const instance = (sop: string, number: number, extra: Record<string, unknown> = {}) => ({
  '00080018': { vr: 'UI', Value: [sop] },
  '00200013': { vr: 'IS', Value: [number] },
  '00280010': { vr: 'US', Value: [512] },
  '00280011': { vr: 'US', Value: [512] },
  '00280100': { vr: 'US', Value: [16] },
  ...extra,
});

describe('framesFromMetadata', () => {
  it('lists frames in instance-number order and counts decoded bytes', () => {
    const frames = framesFromMetadata('1.2', '1.2.3', [instance('1.2.3.2', 2), instance('1.2.3.1', 1)]);
    expect(frames.framePaths).toEqual([
      '/studies/1.2/series/1.2.3/instances/1.2.3.1/frames/1',
      '/studies/1.2/series/1.2.3/instances/1.2.3.2/frames/1',
    ]);
    expect(frames.pixelBytes).toBe(2 * 512 * 512 * 2);
  });

  it('expands multi-frame instances and colour samples', () => {
    const frames = framesFromMetadata('1', '2', [
      instance('3', 1, {
        '00280008': { vr: 'IS', Value: ['3'] },
        '00280002': { vr: 'US', Value: [3] },
        '00280100': { vr: 'US', Value: [8] },
      }),
    ]);
    expect(frames.framePaths).toHaveLength(3);
    expect(frames.pixelBytes).toBe(3 * 512 * 512 * 3);
  });

  it('says which tag is missing', () => {
    expect(() => framesFromMetadata('1', '2', [{ '00080018': { Value: ['3'] } }])).toThrow(/00280010/);
  });
});
