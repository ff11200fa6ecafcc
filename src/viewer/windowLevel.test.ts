import { describe, expect, it } from 'vitest';
import { formatWindow, rangeFromWindow, windowFromRange } from './windowLevel';

describe('windowFromRange', () => {
  it('inverts the DICOM linear window', () => {
    // W 400 L 40 gives lower = 40 - 0.5 - 199.5 and upper = 40 - 0.5 + 199.5
    expect(windowFromRange(-160, 239)).toEqual({ width: 400, center: 40 });
  });
});

describe('formatWindow', () => {
  it('rounds wide windows and keeps decimals for narrow ones', () => {
    expect(formatWindow({ width: 400.4, center: 39.6 })).toBe('W 400 L 40');
    expect(formatWindow({ width: 5, center: 2.5 })).toBe('W 5.00 L 2.50');
    expect(formatWindow({ width: 400, center: -0.2 })).toBe('W 400 L 0');
    expect(formatWindow(undefined)).toBe('');
  });
});

describe('rangeFromWindow', () => {
  it('gives the range that windowFromRange reads back', () => {
    expect(rangeFromWindow({ width: 400, center: 40 })).toEqual({ lower: -160, upper: 239 });
    const { lower, upper } = rangeFromWindow({ width: 1500, center: -600 });
    expect(windowFromRange(lower, upper)).toEqual({ width: 1500, center: -600 });
  });
});
