import { describe, expect, it } from 'vitest';
import { MAX_BACKLOG, WheelPacer } from './wheelPacing';

describe('WheelPacer', () => {
  it('takes a notch at once when no image is awaited', () => {
    const pacer = new WheelPacer();
    expect(pacer.notch(1)).toBe(1);
    expect(pacer.awaiting).toBe(true);
    expect(pacer.drawn()).toBe(0);
    expect(pacer.awaiting).toBe(false);
  });

  it('holds a notch that comes before the previous image is drawn, and takes it once it is', () => {
    const pacer = new WheelPacer();
    expect(pacer.notch(1)).toBe(1);
    expect(pacer.notch(1)).toBe(0);
    expect(pacer.drawn()).toBe(1);
    expect(pacer.drawn()).toBe(0);
  });

  it('shows every notch of an uneven stream, one image each, and loses none', () => {
    const pacer = new WheelPacer();
    // Two notches, none, two, none, one, with an image drawn between each group.
    const steps: number[] = [];
    for (const notches of [2, 0, 2, 0, 1]) {
      for (let i = 0; i < notches; i++) steps.push(pacer.notch(1));
      steps.push(pacer.drawn());
    }
    steps.push(pacer.drawn());
    expect(steps.filter((step) => step !== 0)).toEqual([1, 1, 1, 1, 1]);
  });

  it('catches up a backlog with larger steps, never trailing by more than the allowed notches', () => {
    const pacer = new WheelPacer();
    let taken = pacer.notch(-1);
    for (let i = 0; i < 9; i++) taken += pacer.notch(-1);
    expect(taken).toBe(-1);
    const step = pacer.drawn();
    expect(step).toBe(-(10 - 1 - MAX_BACKLOG));
    taken += step;
    expect(taken - -10).toBe(MAX_BACKLOG);
    taken += pacer.drawn() + pacer.drawn() + pacer.drawn();
    expect(taken).toBe(-10);
  });

  it('drops notches still queued one way when the wheel turns back', () => {
    const pacer = new WheelPacer();
    pacer.notch(1);
    pacer.notch(1);
    pacer.notch(1);
    expect(pacer.notch(-1)).toBe(0);
    expect(pacer.drawn()).toBe(-1);
    expect(pacer.drawn()).toBe(0);
  });

  it('forgets everything on clear', () => {
    const pacer = new WheelPacer();
    pacer.notch(1);
    pacer.notch(1);
    pacer.clear();
    expect(pacer.awaiting).toBe(false);
    expect(pacer.drawn()).toBe(0);
    expect(pacer.notch(-1)).toBe(-1);
  });
});
