import { describe, expect, it } from 'vitest';
import { ONE_DAY_MARGIN_MS, waitForOneDayMs } from './demoDay';

describe('waitForOneDayMs', () => {
  it('does not wait during the day', () => {
    expect(waitForOneDayMs(new Date(2026, 11, 7, 9, 30))).toBe(0);
    expect(waitForOneDayMs(new Date(2026, 11, 7, 0, 0, 1))).toBe(0);
  });

  it('does not wait when the run ends before midnight', () => {
    const before = new Date(2026, 11, 7, 24, 0).getTime() - ONE_DAY_MARGIN_MS - 1;
    expect(waitForOneDayMs(new Date(before))).toBe(0);
  });

  it('waits until just past midnight when the run would pass it', () => {
    const now = new Date(2026, 11, 7, 23, 50);
    const wait = waitForOneDayMs(now);
    const resumed = new Date(now.getTime() + wait);
    expect(resumed.getDate()).toBe(8);
    expect(resumed.getHours()).toBe(0);
    expect(wait).toBeGreaterThan(10 * 60_000);
    expect(wait).toBeLessThan(11 * 60_000);
  });

  it('turns over month and year ends', () => {
    const now = new Date(2026, 11, 31, 23, 59);
    const resumed = new Date(now.getTime() + waitForOneDayMs(now));
    expect([resumed.getFullYear(), resumed.getMonth(), resumed.getDate()]).toEqual([2027, 0, 1]);
  });
});
