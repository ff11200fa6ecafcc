import { describe, expect, it } from 'vitest';
import { checkTarget, evaluateTargets } from './targets';

describe('checkTarget', () => {
  it('meets an upper limit at or under it, and misses it above', () => {
    expect(checkTarget('t', 1.5, '<=', 1.5).met).toBe(true);
    expect(checkTarget('t', 1.51, '<=', 1.5).met).toBe(false);
  });
  it('meets a lower limit at or over it, and misses it below', () => {
    expect(checkTarget('t', 50, '>=', 50, 'fps').met).toBe(true);
    expect(checkTarget('t', 49.9, '>=', 50, 'fps').met).toBe(false);
  });
  it('reports a missing figure as not measured, with the reason, never as met', () => {
    const result = checkTarget('t', undefined, '<=', 1, '×', 'worklist page not present');
    expect(result.met).toBeUndefined();
    expect(result.reason).toBe('worklist page not present');
    expect(checkTarget('t', Number.NaN, '<=', 1).met).toBeUndefined();
  });
});

describe('evaluateTargets', () => {
  it('checks every target of the issue, converting payload bytes to kB and MB', () => {
    const results = evaluateTargets({
      firstImageVsPeer: 0.2,
      firstImageVsFloor: 1.8,
      seriesThroughputVsPeer: 2.5,
      seriesThroughputVsRaw: 0.5,
      scrollFpsVsPeer: 1.1,
      scrollFps: 58,
      landingJsGzipBytes: 120_000,
      viewerJsGzipBytesWithoutCodecs: 1_600_000,
      memoryVsPixelBytes: 1.1,
    });
    expect(results).toHaveLength(11);
    const met = Object.fromEntries(results.map((r) => [r.target, r.met]));
    expect(met['Time to first image vs OHIF']).toBe(true);
    expect(met['Time to first image vs floor']).toBe(false);
    expect(met['Whole-series throughput vs raw WADO-RS']).toBe(false);
    expect(met['Landing page (/) initial JS+CSS, gzip']).toBe(true);
    expect(results.find((r) => r.target.startsWith('Landing'))!.value).toBe(120);
    expect(met['Viewer route JS+CSS without codecs, gzip']).toBe(false);
    expect(met['5,000-row worklist: first render']).toBeUndefined();
  });

  it('says why the peer ratios are missing when no peer ran', () => {
    const results = evaluateTargets({ peerMissing: 'OHIF could not be fetched' });
    expect(results[0]!.reason).toBe('OHIF could not be fetched');
    expect(results[0]!.met).toBeUndefined();
  });
});
