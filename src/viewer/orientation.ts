/** A direction in patient coordinates (DICOM LPS: +x left, +y posterior, +z head). */
export type Vector3 = readonly [number, number, number];

/** The letters at the four edges of the image on screen; undefined where orientation is unknown. */
export interface EdgeMarkers {
  top: string;
  bottom: string;
  left: string;
  right: string;
}

const AXES: ReadonlyArray<[positive: string, negative: string]> = [
  ['L', 'R'],
  ['P', 'A'],
  ['H', 'F'],
];

/** Components smaller than this do not name the direction (an axial slice tilted by a few degrees is still "A"). */
const OBLIQUE_THRESHOLD = 0.3;

/**
 * The letters of a patient direction, strongest first, as radiologists read them: "L", or "LA" for an
 * oblique direction mostly left and somewhat anterior.
 */
export function directionLetters(vector: Vector3): string {
  return vector
    .map((value, axis) => ({ value, axis }))
    .filter(({ value }) => Math.abs(value) >= OBLIQUE_THRESHOLD)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 2)
    .map(({ value, axis }) => AXES[axis]![value > 0 ? 0 : 1])
    .join('');
}

const cross = (a: Vector3, b: Vector3): Vector3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const negate = (a: Vector3): Vector3 => [-a[0], -a[1], -a[2]];

/**
 * The markers for a camera in patient space: `viewUp` points to the top of the screen and
 * `viewPlaneNormal` towards the viewer, so the screen's right is viewUp × normal. Rotation and flips of
 * the image change the camera, so the markers follow them.
 */
export function edgeMarkers(viewUp: Vector3, viewPlaneNormal: Vector3): EdgeMarkers {
  const right = cross(viewUp, viewPlaneNormal);
  return {
    top: directionLetters(viewUp),
    bottom: directionLetters(negate(viewUp)),
    right: directionLetters(right),
    left: directionLetters(negate(right)),
  };
}
