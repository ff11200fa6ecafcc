import { describe, expect, it } from 'vitest';
import { formatTable, ratiosOf, targetRows, type AppFigures } from './report';
import { summarize } from './stats';

const app = (firstImage: number, mbPerS: number, fps: number): AppFigures => ({
  firstImageMs: summarize([firstImage]),
  wholeSeries: { ms: 1000, fromNavigationMs: 2000, mbPerS, images: 200, cacheBytes: 1 },
  scroll: {
    durationMs: 1000,
    animationFps: 60,
    fps,
    renderedFrames: fps,
    droppedFrames: 0,
    steps: 60,
    stepsPerSecond: 60,
  },
  memory: { jsHeapBytes: 1, arrayBufferBytes: 1, cacheBytes: 1, pixelBytes: 2, ratio: 1 },
});

describe('ratiosOf', () => {
  it('puts Fovea over its references: floor, raw throughput (Node, page per frame, page one answer) and the peer', () => {
    const ratios = ratiosOf(
      app(1500, 40, 60),
      { firstImageMs: summarize([1000]) },
      { mbPerS: summarize([50]) },
      { mbPerS: summarize([20, 25, 30]) },
      { mbPerS: summarize([16, 24]) },
      app(6000, 20, 30),
    );
    expect(ratios).toEqual({
      firstImageVsFloor: 1.5,
      firstImageVsPeer: 0.25,
      seriesThroughputVsRaw: 0.8,
      seriesThroughputVsPageRaw: 1.6,
      seriesThroughputVsPageOneAnswer: 2,
      pageOneAnswerVsRaw: 0.4,
      seriesThroughputVsPeer: 2,
      scrollFpsVsPeer: 2,
    });
  });
  it('leaves the peer ratios out when no peer ran', () => {
    const ratios = ratiosOf(
      app(1500, 40, 60),
      { firstImageMs: summarize([1000]) },
      { mbPerS: summarize([50]) },
      { mbPerS: summarize([25]) },
      { mbPerS: summarize([26]) },
      undefined,
    );
    expect(ratios.firstImageVsPeer).toBeUndefined();
    expect(ratios.scrollFpsVsPeer).toBeUndefined();
  });
});

describe('formatTable', () => {
  it('aligns columns: text left, figures right', () => {
    const table = formatTable(
      ['Name', 'Value'],
      [
        ['a', '1 ms'],
        ['longer name', '100 ms'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'Name          Value',
      '-----------  ------',
      'a              1 ms',
      'longer name  100 ms',
    ]);
  });
});

describe('targetRows', () => {
  it('prints met, MISSED, or why a figure is missing', () => {
    const rows = targetRows([
      { target: 'a', value: 1.234, comparison: '<=', limit: 1.5, unit: '×', met: true },
      { target: 'b', value: 40, comparison: '>=', limit: 50, unit: 'fps', met: false },
      {
        target: 'c',
        value: undefined,
        comparison: '<=',
        limit: 300,
        unit: 'ms',
        met: undefined,
        reason: 'worklist page not present',
      },
    ]);
    expect(rows).toEqual([
      ['a', '1.23 ×', '<= 1.5 ×', 'met'],
      ['b', '40 fps', '>= 50 fps', 'MISSED'],
      ['c', '–', '<= 300 ms', 'not measured: worklist page not present'],
    ]);
  });
});
