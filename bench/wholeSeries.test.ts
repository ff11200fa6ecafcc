import { describe, expect, it } from 'vitest';
import { medianWholeSeries, type WholeSeries } from './wholeSeries';

const load = (ms: number, fromNavigationMs: number, cacheBytes = 1): WholeSeries => ({
  ms,
  fromNavigationMs,
  mbPerS: 0,
  images: 200,
  cacheBytes,
});

describe('medianWholeSeries', () => {
  it('takes the median times, the rate of the median time and the last load’s cache', () => {
    const summary = medianWholeSeries([load(1500, 1800), load(1000, 1400), load(2000, 2600, 7)], 100e6);
    expect(summary.ms).toBe(1500);
    expect(summary.fromNavigationMs).toBe(1800);
    expect(summary.mbPerS).toBeCloseTo(100e6 / 1e6 / 1.5, 9);
    expect(summary.cacheBytes).toBe(7);
    expect(summary.runsMs).toEqual([1500, 1000, 2000]);
  });
  it('refuses to summarize nothing', () => {
    expect(() => medianWholeSeries([], 1)).toThrow('no whole-series load');
  });
});
