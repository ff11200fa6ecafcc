import { describe, expect, it } from 'vitest';
import { warmUpEarlyDrawing } from './warmUp';

describe('warmUpEarlyDrawing', () => {
  it('draws its made-up image through the early drawing once per page', () => {
    const drawn = warmUpEarlyDrawing();
    expect(drawn).toBeDefined();
    const greys = new Set<number>();
    let black = 0;
    for (let i = 0; i < drawn!.length; i += 4) {
      greys.add(drawn![i]!);
      if (drawn![i] === 0) black += 1;
      expect(drawn![i + 3]).toBe(255);
    }
    // The image, windowed (many greys), fitted in the middle of a wider canvas (black on both sides).
    expect(greys.size).toBeGreaterThan(16);
    expect(black).toBeGreaterThan(0);
    expect(warmUpEarlyDrawing()).toBeUndefined();
  });
});
