import { describe, expect, it } from 'vitest';
import { megabytesPerSecond, median, ratio, summarize } from './stats';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('refuses an empty list rather than inventing a figure', () => {
    expect(() => median([])).toThrow();
  });
  it('does not reorder the caller’s runs', () => {
    const runs = [3, 1, 2];
    expect(summarize(runs)).toEqual({ median: 2, min: 1, max: 3, runs: [3, 1, 2] });
    expect(runs).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it('divides, and gives nothing when a side is missing or zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 2)).toBeUndefined();
  });
});

describe('megabytesPerSecond', () => {
  it('is bytes over seconds in 10^6 bytes', () => {
    expect(megabytesPerSecond(104_857_600, 2000)).toBeCloseTo(52.43, 2);
    expect(() => megabytesPerSecond(1, 0)).toThrow();
  });
});
