import { describe, expect, it } from 'vitest';
import { clampZoom, fitWidthScale } from './zoom';

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
});
