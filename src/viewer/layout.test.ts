import { describe, expect, it } from 'vitest';
import { fillViewports, viewportCount } from './layout';

const ref = (uid: string) => ({ studyInstanceUid: 'study', seriesInstanceUid: uid });

describe('viewportCount', () => {
  it('counts the viewports of each layout', () => {
    expect(viewportCount('1x1')).toBe(1);
    expect(viewportCount('1x2')).toBe(2);
    expect(viewportCount('2x2')).toBe(4);
  });
});

describe('fillViewports', () => {
  it('gives a new viewport the next series not on screen', () => {
    const cells = fillViewports([ref('a')], 2, [ref('a'), ref('b'), ref('c')]);
    expect(cells.map((c) => c?.seriesInstanceUid)).toEqual(['a', 'b', undefined, undefined]);
  });

  it('keeps what viewports show and leaves viewports empty when every series is on screen', () => {
    const cells = fillViewports([ref('b'), undefined, ref('a')], 4, [ref('a'), ref('b')]);
    expect(cells.map((c) => c?.seriesInstanceUid)).toEqual(['b', undefined, 'a', undefined]);
  });

  it('does not count hidden viewports as on screen', () => {
    const cells = fillViewports([ref('a'), undefined, ref('b')], 2, [ref('a'), ref('b')]);
    expect(cells.map((c) => c?.seriesInstanceUid)).toEqual(['a', 'b', 'b', undefined]);
  });
});
