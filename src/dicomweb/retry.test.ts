import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry';

describe('retryDelayMs', () => {
  it('backs off 2 s, 4 s, 8 s and then waits 15 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 15000, 15000, 15000]);
  });
});
