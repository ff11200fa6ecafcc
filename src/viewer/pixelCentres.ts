/** The plane of a 2D image in patient space: its first pixel's centre, its axes and pixel spacing. */
export interface ImagePlane {
  /** World position of the centre of pixel (0, 0). */
  origin: ArrayLike<number>;
  /** Row direction (along a row, column index grows) then column direction, 3 numbers each, or more. */
  direction: ArrayLike<number>;
  /** [column spacing, row spacing] in mm (or pixels where the image has none). */
  spacing: ArrayLike<number>;
}

type Vector3 = [number, number, number];

/**
 * Half a pixel along each axis of the image, in world coordinates. Cornerstone's CPU path draws pixel
 * k over [k, k + 1) of its canvas grid but converts world positions as if pixel k were centred on k, so
 * its world↔canvas conversions miss the drawn image by this vector.
 */
export function halfPixel({ direction, spacing }: ImagePlane): Vector3 {
  const along = (axis: number) => 0.5 * (direction[axis]! * spacing[0]! + direction[3 + axis]! * spacing[1]!);
  return [along(0), along(1), along(2)];
}

/** (column, row, 0) of a world position on the image's plane; pixel centres are whole numbers. */
export function worldToIndex(plane: ImagePlane, world: ArrayLike<number>): Vector3 {
  const { origin, direction, spacing } = plane;
  const d = [world[0]! - origin[0]!, world[1]! - origin[1]!, world[2]! - origin[2]!];
  const dot = (offset: number) =>
    d[0]! * direction[offset]! + d[1]! * direction[offset + 1]! + d[2]! * direction[offset + 2]!;
  return [dot(0) / spacing[0]!, dot(3) / spacing[1]!, 0];
}

/** The world position of (column, row) on the image's plane. */
export function indexToWorld(plane: ImagePlane, index: ArrayLike<number>): Vector3 {
  const { origin, direction, spacing } = plane;
  const at = (axis: number) =>
    origin[axis]! +
    direction[axis]! * spacing[0]! * index[0]! +
    direction[3 + axis]! * spacing[1]! * index[1]!;
  return [at(0), at(1), at(2)];
}
