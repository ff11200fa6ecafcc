import { describe, expect, it } from 'vitest';
import { flippedDirections, rotateAbout, type CameraDirections } from './cpuCamera';
import { edgeMarkers } from './orientation';

// The demo CT as the CPU path reports it: axial, anterior up, seen from the feet (patient right on the
// screen's left).
const AXIAL: CameraDirections = { viewPlaneNormal: [0, 0, -1], viewUp: [0, -1, 0] };
/** What the CPU path reports after a rotation: "up" turned about the view direction. */
const rotated = (degrees: number): CameraDirections => ({
  ...AXIAL,
  viewUp: rotateAbout(AXIAL.viewUp, AXIAL.viewPlaneNormal, degrees),
});
const markers = ({ viewUp, viewPlaneNormal }: CameraDirections) => {
  const { top, bottom, left, right } = edgeMarkers(viewUp, viewPlaneNormal);
  return { top, bottom, left, right };
};
const flips = (flipHorizontal: boolean, flipVertical: boolean, rotation = 0) => ({
  flipHorizontal,
  flipVertical,
  rotation,
});

describe('flippedDirections', () => {
  it('changes nothing without a flip', () => {
    expect(flippedDirections(AXIAL, flips(false, false))).toEqual(AXIAL);
    expect(markers(AXIAL)).toEqual({ top: 'A', bottom: 'P', left: 'R', right: 'L' });
  });

  it('swaps left and right on a horizontal flip, top and bottom on a vertical one', () => {
    expect(markers(flippedDirections(AXIAL, flips(true, false)))).toEqual({
      top: 'A',
      bottom: 'P',
      left: 'L',
      right: 'R',
    });
    expect(markers(flippedDirections(AXIAL, flips(false, true)))).toEqual({
      top: 'P',
      bottom: 'A',
      left: 'R',
      right: 'L',
    });
    expect(markers(flippedDirections(AXIAL, flips(true, true)))).toEqual({
      top: 'P',
      bottom: 'A',
      left: 'L',
      right: 'R',
    });
  });

  it('turns a rotated image the way it is drawn', () => {
    // Unflipped, 90° clockwise: the patient's right (on the left) comes to the top.
    expect(markers(flippedDirections(rotated(90), flips(false, false, 90))).top).toBe('R');
    // Flipped left–right first, the patient's left is on the left and comes to the top.
    expect(markers(flippedDirections(rotated(90), flips(true, false, 90)))).toEqual({
      top: 'L',
      bottom: 'R',
      left: 'P',
      right: 'A',
    });
  });
});
