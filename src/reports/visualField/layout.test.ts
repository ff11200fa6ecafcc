import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatNumber,
  greyScaleRuns,
  greyTone,
  mapGeometry,
  probabilityText,
  reliabilityText,
  thresholdText,
} from './layout';
import type { TestPoint } from './visualField';

const grid = (step: number, max: number): TestPoint[] => {
  const points: TestPoint[] = [];
  for (let x = -max; x <= max; x += step)
    for (let y = -max; y <= max; y += step) points.push({ x, y, sensitivityDb: 30 });
  return points;
};

describe('mapGeometry', () => {
  it('spans half a grid step beyond the outermost locations, same scale on both axes', () => {
    const g = mapGeometry(grid(6, 27), 330, 240);
    expect(g.gridStepDegrees).toBe(6);
    expect(g.halfWidthDegrees).toBe(30);
    expect(g.halfHeightDegrees).toBe(30);
    expect(g.pixelsPerDegree).toBe(4);
    expect(g.tickDegrees).toBe(10);
  });

  it('finds the 2° grid of a 10-2 and ticks every 2°', () => {
    const g = mapGeometry(grid(2, 9), 330, 240);
    expect(g.gridStepDegrees).toBe(2);
    expect(g.halfWidthDegrees).toBe(10);
    expect(g.tickDegrees).toBe(2);
  });
});

describe('grey scale', () => {
  it('is black below 1 dB and white from 31 dB', () => {
    expect(greyTone(0)).toBe(0);
    expect(greyTone(31)).toBe(1);
    expect(greyTone(20)).toBeGreaterThan(greyTone(10));
  });

  it('covers the squares around the locations and nothing else, in merged runs', () => {
    const points: TestPoint[] = [
      { x: -3, y: 3, sensitivityDb: 30 },
      { x: 3, y: 3, sensitivityDb: 0 },
    ];
    const g = mapGeometry(points, 120, 60);
    const runs = greyScaleRuns(points, g);
    const area = runs.reduce((sum, r) => sum + r.widthDegrees * r.heightDegrees, 0);
    expect(area).toBeCloseTo(2 * 36, 6);
    expect(runs.every((r) => r.y <= 6 && r.y - r.heightDegrees >= -1e-9)).toBe(true);
    // Bright around the 30-dB location, dark around the 0-dB one, blending in between.
    expect(runs.find((r) => r.x < -5)!.tone).toBeGreaterThan(0.7);
    expect(runs.find((r) => r.x > 4)!.tone).toBeLessThan(0.3);
  });
});

describe('printed values', () => {
  it('writes thresholds, "<0" for a stimulus not seen, nothing for a point not tested', () => {
    expect(thresholdText({ x: 0, y: 0, sensitivityDb: 28, result: 'seen' }, 0)).toBe('28');
    expect(thresholdText({ x: 0, y: 0, sensitivityDb: 0, result: 'not seen' }, 0)).toBe('<0');
    expect(thresholdText({ x: 0, y: 0, result: 'not tested' }, 0)).toBe('');
  });

  it('uses a true minus sign and never prints −0', () => {
    expect(formatNumber(-2.944, 2)).toBe('\u22122.94');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
  });

  it('names significant probabilities only', () => {
    expect(probabilityText(0.01)).toBe('P < 0.5%');
    expect(probabilityText(3.3)).toBe('P < 5%');
    expect(probabilityText(52)).toBe('');
    expect(probabilityText(undefined)).toBe('');
  });

  it('writes durations as mm:ss', () => {
    expect(formatDuration(359)).toBe('05:59');
    expect(formatDuration(undefined)).toBeUndefined();
  });

  it('writes reliability as the perimeter recorded it, marking excessive values', () => {
    expect(reliabilityText({ trials: 15, errors: 1, excessive: false }, 'ratio')).toBe('1/15');
    expect(reliabilityText({ trials: 27, errors: 8, percent: 30, excessive: true }, 'percent')).toBe(
      '30 % (8/27) xx',
    );
    expect(reliabilityText({ percent: 4 }, 'percent')).toBe('4 %');
    expect(reliabilityText(undefined, 'ratio')).toBeUndefined();
  });
});
