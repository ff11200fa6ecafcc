import { describe, expect, it } from 'vitest';
import { isTextEntry, stackKeyAction } from './keyboard';

describe('stackKeyAction', () => {
  it('moves one image with the arrows', () => {
    expect(stackKeyAction('ArrowDown', 200)).toEqual({ scrollBy: 1 });
    expect(stackKeyAction('ArrowRight', 200)).toEqual({ scrollBy: 1 });
    expect(stackKeyAction('ArrowUp', 200)).toEqual({ scrollBy: -1 });
    expect(stackKeyAction('ArrowLeft', 200)).toEqual({ scrollBy: -1 });
  });

  it('moves a tenth of the series with Page Up and Page Down, at least one image', () => {
    expect(stackKeyAction('PageDown', 200)).toEqual({ scrollBy: 20 });
    expect(stackKeyAction('PageUp', 200)).toEqual({ scrollBy: -20 });
    expect(stackKeyAction('PageDown', 4)).toEqual({ scrollBy: 1 });
  });

  it('goes to the ends with Home and End', () => {
    expect(stackKeyAction('Home', 200)).toEqual({ jumpTo: 0 });
    expect(stackKeyAction('End', 200)).toEqual({ jumpTo: 199 });
  });

  it('ignores other keys and empty stacks', () => {
    expect(stackKeyAction('a', 200)).toBeUndefined();
    expect(stackKeyAction('ArrowDown', 0)).toBeUndefined();
  });
});

describe('isTextEntry', () => {
  const element = (matches: boolean) => ({ closest: () => (matches ? {} : null) }) as unknown as EventTarget;

  it('does not count a slider as a field', () => {
    const slider = {
      closest: (selector: string) => (selector.includes(':not([type="range"])') ? null : {}),
    } as unknown as EventTarget;
    expect(isTextEntry(slider)).toBe(false);
  });

  it('recognises fields', () => {
    expect(isTextEntry(element(true))).toBe(true);
    expect(isTextEntry(element(false))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
