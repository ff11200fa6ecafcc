/**
 * Paces mouse-wheel steps through a stack to the drawing: one step at a time, the next one once the
 * image of the previous one is on screen, so that every notch shows its own image. Notches often
 * arrive two within one display frame and none in the next; taken as they come, both would be drawn
 * as one jump and the next frame would show nothing new. A backlog is caught up with larger steps, so
 * that the image never trails the wheel by more than `MAX_BACKLOG` notches.
 */
export const MAX_BACKLOG = 2;

export class WheelPacer {
  /** Notches not yet taken: positive towards the end of the stack. */
  private pending = 0;
  /** A step was taken and its image is not drawn yet. */
  private inFlight = false;

  /** A wheel notch (+1 towards the end of the stack, −1 back). Returns the step to take now, 0 for none. */
  notch(direction: 1 | -1): number {
    // Turning the wheel back drops what was still queued the other way: the reader changed course.
    if (this.pending * direction < 0) this.pending = 0;
    this.pending += direction;
    return this.take();
  }

  /** The last step's image is drawn (or will never be). Returns the step to take now, 0 for none. */
  drawn(): number {
    this.inFlight = false;
    return this.take();
  }

  /** Forgets the queued notches: the stack's end is reached, or another stack is shown. */
  clear(): void {
    this.pending = 0;
    this.inFlight = false;
  }

  /** Whether a step's image is awaited. */
  get awaiting(): boolean {
    return this.inFlight;
  }

  private take(): number {
    if (this.inFlight || this.pending === 0) return 0;
    const backlog = Math.abs(this.pending);
    const step = Math.sign(this.pending) * Math.max(1, backlog - MAX_BACKLOG);
    this.pending -= step;
    this.inFlight = true;
    return step;
  }
}
