import { describe, expect, it } from 'vitest';
import { EMPTY_DISPLAY, changesNothing, useViewportStore } from './useViewportStore';

describe('useViewportStore', () => {
  it('keeps its state when a report repeats what it holds, equal windows and letters included', () => {
    const { update } = useViewportStore.getState();
    update('v', { imageIndex: 3, window: { width: 400, center: 40 }, markers: undefined });
    const before = useViewportStore.getState().viewports;
    update('v', { imageIndex: 3, window: { width: 400, center: 40 } });
    expect(useViewportStore.getState().viewports).toBe(before);
    update('v', { imageIndex: 4 });
    expect(useViewportStore.getState().viewports.v?.imageIndex).toBe(4);
    expect(useViewportStore.getState().viewports.v?.window).toEqual({ width: 400, center: 40 });
  });

  it('tells a change from a repetition', () => {
    expect(changesNothing(undefined, {})).toBe(false);
    expect(changesNothing(EMPTY_DISPLAY, { status: 'loading', presets: [] })).toBe(true);
    expect(changesNothing(EMPTY_DISPLAY, { status: 'ready' })).toBe(false);
    expect(changesNothing({ ...EMPTY_DISPLAY, window: { width: 1, center: 2 } }, { window: undefined })).toBe(
      false,
    );
  });
});
