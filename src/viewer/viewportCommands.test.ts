import { describe, expect, it, vi } from 'vitest';
import { onViewportCommand, sendViewportCommand } from './viewportCommands';

describe('viewport commands', () => {
  it('reach the viewport listening under the id, and only while it listens', () => {
    const handler = vi.fn();
    const stop = onViewportCommand('viewport-1', handler);
    expect(sendViewportCommand('viewport-1', { kind: 'action', action: 'invert' })).toBe(true);
    expect(sendViewportCommand('viewport-2', { kind: 'action', action: 'invert' })).toBe(false);
    stop();
    expect(sendViewportCommand('viewport-1', { kind: 'action', action: 'rotate' })).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('lets a remounted viewport keep listening when its predecessor stops', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onViewportCommand('viewport-1', first);
    const stopSecond = onViewportCommand('viewport-1', second);
    stopFirst();
    expect(sendViewportCommand('viewport-1', { kind: 'action', action: 'reset' })).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
    stopSecond();
  });
});
