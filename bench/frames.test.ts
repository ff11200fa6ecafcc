import { describe, expect, it } from 'vitest';
import { scrollFigures } from './frames';

const every = (count: number, interval: number, from = 0) =>
  Array.from({ length: count }, (_, i) => from + i * interval);

describe('scrollFigures', () => {
  it('counts a smooth second at 60 Hz with an image drawn in every frame', () => {
    const frames = every(61, 1000 / 60);
    const draws = frames.slice(0, 60).map((t) => t + 4);
    const figures = scrollFigures({ frames, draws, steps: 60 });
    expect(figures.durationMs).toBeCloseTo(1000);
    expect(figures.animationFps).toBeCloseTo(60);
    expect(figures.fps).toBeCloseTo(60);
    expect(figures.droppedFrames).toBe(0);
    expect(figures.stepsPerSecond).toBeCloseTo(60);
  });

  it('counts several draws in one frame once, and frames without a draw not at all', () => {
    const frames = every(11, 100);
    const draws = [101, 102, 103, 305, 999];
    const figures = scrollFigures({ frames, draws, steps: 5 }, 100);
    expect(figures.renderedFrames).toBe(3);
    expect(figures.fps).toBeCloseTo(3);
  });

  it('counts the refreshes a long frame missed', () => {
    // 0, 16.7, then a 50 ms stall (two refreshes missed), then 16.7 again.
    const frames = [0, 1000 / 60, 1000 / 60 + 50, 1000 / 60 + 50 + 1000 / 60];
    expect(scrollFigures({ frames, draws: [], steps: 0 }).droppedFrames).toBe(2);
  });

  it('ignores draws outside the recorded frames', () => {
    const figures = scrollFigures({ frames: [100, 200], draws: [50, 150, 250], steps: 1 }, 100);
    expect(figures.renderedFrames).toBe(1);
  });

  it('refuses a recording too short to say anything', () => {
    expect(() => scrollFigures({ frames: [1], draws: [], steps: 0 })).toThrow();
  });
});
