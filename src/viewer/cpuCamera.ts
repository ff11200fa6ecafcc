type Vector3 = [number, number, number];

/** The camera directions the CPU path reports: the view direction, and "up" turned by its rotation. */
export interface CameraDirections {
  viewPlaneNormal: Vector3;
  viewUp: Vector3;
}

export interface Presentation {
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** Degrees, as the viewport reports its rotation. */
  rotation: number;
}

/** `v` turned by `degrees` about the unit vector `axis` (right-handed, as gl-matrix's fromRotation). */
export function rotateAbout(v: Vector3, axis: Vector3, degrees: number): Vector3 {
  const angle = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [kx, ky, kz] = axis;
  const dot = kx * v[0] + ky * v[1] + kz * v[2];
  const cross: Vector3 = [ky * v[2] - kz * v[1], kz * v[0] - kx * v[2], kx * v[1] - ky * v[0]];
  return [0, 1, 2].map((i) => v[i]! * cos + cross[i]! * sin + axis[i]! * dot * (1 - cos)) as Vector3;
}

const negate = (v: Vector3): Vector3 => [-v[0], -v[1], -v[2]];

/**
 * The directions of the image as drawn after flips, as the WebGL path reports them. The CPU path
 * reports the unflipped directions. A horizontal flip turns the camera around "up" (the view direction
 * reverses), a vertical one around the horizontal axis (both reverse); under one mirror a rotation on
 * screen turns the other way about the image, so "up" is the unflipped one turned back by twice the
 * rotation.
 */
export function flippedDirections(
  reported: CameraDirections,
  { flipHorizontal, flipVertical, rotation }: Presentation,
): CameraDirections {
  const mirrored = flipHorizontal !== flipVertical;
  let viewUp = mirrored
    ? rotateAbout(reported.viewUp, reported.viewPlaneNormal, -2 * rotation)
    : reported.viewUp;
  if (flipVertical) viewUp = negate(viewUp);
  const viewPlaneNormal = mirrored ? negate(reported.viewPlaneNormal) : reported.viewPlaneNormal;
  return { viewPlaneNormal, viewUp };
}
