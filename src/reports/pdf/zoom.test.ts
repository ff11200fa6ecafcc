import { describe, expect, it } from 'vitest';
import { clampZoom, fitPageScale, fitWidthScale } from './zoom';

describe('zoom', () => {
  it('steps up and down through the zoom steps, stopping at the ends', () => {
    expect(clampZoom(1, 1)).toBe(1.25);
    expect(clampZoom(1, -1)).toBe(0.75);
    expect(clampZoom(3, 1)).toBe(3);
    expect(clampZoom(0.5, -1)).toBe(0.5);
  });

  it('steps from "fit width" relative to the fitted scale', () => {
    expect(clampZoom('fit-width', 1, 1.1)).toBe(1.25);
    expect(clampZoom('fit-width', -1, 1.1)).toBe(1);
  });

  it('fits the page width into the space, within bounds', () => {
    expect(fitWidthScale(595, 1190)).toBe(2);
    expect(fitWidthScale(595, 10)).toBe(0.25);
    expect(fitWidthScale(0, 100)).toBe(1);
  });

  it('fits a whole page into a thumbnail, by its height when portrait and its width when landscape', () => {
    const a4 = { width: 595, height: 842 };
    const scale = fitPageScale(a4, { width: 140, height: 140 });
    expect(scale).toBeCloseTo(140 / 842);
    expect(a4.height * scale).toBeCloseTo(140);
    expect(a4.width * scale).toBeLessThan(140);
    const landscape = { width: 842, height: 595 };
    expect(landscape.width * fitPageScale(landscape, { width: 140, height: 140 })).toBeCloseTo(140);
    expect(fitPageScale(a4, { width: 100, height: 300 })).toBeCloseTo(100 / 595);
  });

  it('draws nothing for a page or a box without area', () => {
    expect(fitPageScale({ width: 0, height: 842 }, { width: 72, height: 72 })).toBe(0);
    expect(fitPageScale({ width: 595, height: 842 }, { width: 72, height: 0 })).toBe(0);
  });
});
