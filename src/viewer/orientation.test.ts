import { describe, expect, it } from 'vitest';
import { directionLetters, edgeMarkers, type Vector3 } from './orientation';

describe('directionLetters', () => {
  it('names the patient axes', () => {
    expect(directionLetters([1, 0, 0])).toBe('L');
    expect(directionLetters([-1, 0, 0])).toBe('R');
    expect(directionLetters([0, 1, 0])).toBe('P');
    expect(directionLetters([0, -1, 0])).toBe('A');
    expect(directionLetters([0, 0, 1])).toBe('H');
    expect(directionLetters([0, 0, -1])).toBe('F');
  });

  it('names an oblique direction strongest first and ignores a small tilt', () => {
    expect(directionLetters([0.8, -0.6, 0])).toBe('LA');
    expect(directionLetters([0.99, 0.1, 0])).toBe('L');
  });
});

// An axial slice as a CT stores it: rows run to the patient's left (1, 0, 0), columns to the back
// (0, 1, 0). Cornerstone's stack camera makes of it: up against the columns, normal = column × row.
const up: Vector3 = [0, -1, 0];
const normal: Vector3 = [0, 0, -1];

describe('edgeMarkers', () => {
  it('puts the patient right on the left of an axial image, anterior at the top', () => {
    expect(edgeMarkers(up, normal)).toEqual({ top: 'A', bottom: 'P', left: 'R', right: 'L' });
  });

  it('swaps left and right for a horizontal flip (camera turned about the up direction)', () => {
    expect(edgeMarkers(up, [0, 0, 1])).toEqual({ top: 'A', bottom: 'P', left: 'L', right: 'R' });
  });

  it('follows a 90° clockwise rotation: the image top goes to the right', () => {
    // After the rotation the screen's top shows what was at the image's left.
    expect(edgeMarkers([-1, 0, 0], normal)).toEqual({ top: 'R', bottom: 'L', left: 'P', right: 'A' });
  });

  it('reads a coronal image as head up, patient right on the left', () => {
    // Coronal: rows to the left, columns to the feet.
    expect(edgeMarkers([0, 0, 1], [0, -1, 0])).toEqual({ top: 'H', bottom: 'F', left: 'R', right: 'L' });
  });
});
