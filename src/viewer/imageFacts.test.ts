import { describe, expect, it } from 'vitest';
import { cineRateOf, hasPixelSpacing } from './imageFacts';
import { DEFAULT_CINE_RATE } from './useViewportStore';

describe('cineRateOf', () => {
  it('prefers the recommended display rate, then the cine rate, then the frame time', () => {
    expect(cineRateOf({ '00082144': { vr: 'IS', Value: [25] }, '00180040': { vr: 'IS', Value: [30] } })).toBe(
      25,
    );
    expect(cineRateOf({ '00180040': { vr: 'IS', Value: [30] } })).toBe(30);
    expect(cineRateOf({ '00181063': { vr: 'DS', Value: [33.33] } })).toBe(30);
  });

  it('falls back to the default and keeps the speed between 1 and 60', () => {
    expect(cineRateOf({})).toBe(DEFAULT_CINE_RATE);
    expect(cineRateOf({ '00181063': { vr: 'DS', Value: [1] } })).toBe(60);
    expect(cineRateOf({ '00181063': { vr: 'DS', Value: [0] } })).toBe(DEFAULT_CINE_RATE);
  });
});

describe('hasPixelSpacing', () => {
  it('accepts a pixel spacing or an imager pixel spacing', () => {
    expect(hasPixelSpacing({ '00280030': { vr: 'DS', Value: [0.7, 0.7] } })).toBe(true);
    expect(hasPixelSpacing({ '00181164': { vr: 'DS', Value: [0.35, 0.35] } })).toBe(true);
  });

  it('is false without one, or with a zero spacing', () => {
    expect(hasPixelSpacing({})).toBe(false);
    expect(hasPixelSpacing({ '00280030': { vr: 'DS', Value: [0, 0] } })).toBe(false);
  });
});
