/**
 * Scroll smoothness from what the page recorded while the user scrolled: the timestamps of its
 * animation frames (requestAnimationFrame) and of every draw onto a viewport canvas.
 */
export interface FrameRecord {
  /** requestAnimationFrame timestamps (ms, page clock), ascending. */
  frames: readonly number[];
  /** performance.now() of each draw onto a viewport-sized canvas (ms, page clock). */
  draws: readonly number[];
  /** Scroll steps the user made (wheel notches or key presses). */
  steps: number;
}

export interface ScrollFigures {
  durationMs: number;
  /** Animation frames the page produced per second (the display's rate when nothing stalls). */
  animationFps: number;
  /** Animation frames in which a new image was drawn, per second: what the user sees move. */
  fps: number;
  renderedFrames: number;
  /** Display refreshes the page missed: a frame that took 2.4 intervals missed 1 (rounded). */
  droppedFrames: number;
  steps: number;
  /** Scroll steps per second that were asked for. */
  stepsPerSecond: number;
}

/** Display refresh interval of headless Chromium (60 Hz). */
export const FRAME_INTERVAL_MS = 1000 / 60;

export function scrollFigures(record: FrameRecord, intervalMs = FRAME_INTERVAL_MS): ScrollFigures {
  const { frames, draws, steps } = record;
  if (frames.length < 2) throw new Error('scrolling recorded fewer than two animation frames');
  const start = frames[0]!;
  const end = frames[frames.length - 1]!;
  const durationMs = end - start;
  if (durationMs <= 0) throw new Error('the animation frames recorded no time');

  // A draw belongs to the frame that began last before it (Cornerstone draws inside its own frame callback).
  const framesWithDraw = new Set<number>();
  let frame = 0;
  for (const draw of [...draws].sort((a, b) => a - b)) {
    if (draw < start || draw > end) continue;
    while (frame + 1 < frames.length && frames[frame + 1]! <= draw) frame += 1;
    framesWithDraw.add(frame);
  }

  let droppedFrames = 0;
  for (let i = 1; i < frames.length; i++) {
    droppedFrames += Math.max(0, Math.round((frames[i]! - frames[i - 1]!) / intervalMs) - 1);
  }
  const seconds = durationMs / 1000;
  return {
    durationMs,
    animationFps: (frames.length - 1) / seconds,
    fps: framesWithDraw.size / seconds,
    renderedFrames: framesWithDraw.size,
    droppedFrames,
    steps,
    stepsPerSecond: steps / seconds,
  };
}
