import type { InstanceMetadata } from '../dicom';

/** One image of the stack: a frame of an instance. */
export interface StackImage {
  imageId: string;
  instance: InstanceMetadata;
  /** 1-based, as WADO-RS counts frames */
  frame: number;
}

const ORIENTATION_TOLERANCE = 1e-3;

function normalOf(orientation: readonly number[]): [number, number, number] {
  const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
  return [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
}

function sameOrientation(a: readonly number[], b: readonly number[]): boolean {
  return a.every((value, i) => Math.abs(value - (b[i] ?? NaN)) < ORIENTATION_TOLERANCE);
}

const byInstanceNumber = (a: InstanceMetadata, b: InstanceMetadata) =>
  (a.instanceNumber ?? Number.MAX_SAFE_INTEGER) - (b.instanceNumber ?? Number.MAX_SAFE_INTEGER);

/**
 * Orders a series for scrolling: by position along the slice normal when every instance has the same
 * orientation and a position (archives return instances in any order), else by Instance Number. The
 * spatial order runs in the direction in which Instance Numbers rise, so image 1 is where the modality
 * started (usually the head end of an axial CT).
 */
export function sortForStack(instances: readonly InstanceMetadata[]): InstanceMetadata[] {
  const first = instances[0];
  const orientation = first?.imageOrientationPatient;
  const spatial =
    instances.length > 1 &&
    orientation !== undefined &&
    instances.every(
      (i) =>
        i.imagePositionPatient !== undefined &&
        i.imageOrientationPatient !== undefined &&
        sameOrientation(i.imageOrientationPatient, orientation),
    );
  if (!spatial) return [...instances].sort(byInstanceNumber);

  const normal = normalOf(orientation);
  const distance = (i: InstanceMetadata) => {
    const [x, y, z] = i.imagePositionPatient!;
    return x * normal[0] + y * normal[1] + z * normal[2];
  };
  const sorted = [...instances].sort((a, b) => distance(a) - distance(b) || byInstanceNumber(a, b));
  if (distance(sorted[0]!) === distance(sorted[sorted.length - 1]!))
    return [...instances].sort(byInstanceNumber);
  const head = sorted[0]!.instanceNumber;
  const tail = sorted[sorted.length - 1]!.instanceNumber;
  return head !== undefined && tail !== undefined && head > tail ? sorted.reverse() : sorted;
}

/**
 * The stack's images in order, one per frame, with `wadors:` image ids built from each frame's
 * WADO-RS address.
 */
export function buildStack(
  instances: readonly InstanceMetadata[],
  frameUrl: (instance: InstanceMetadata, frame: number) => string,
): StackImage[] {
  return sortForStack(instances).flatMap((instance) =>
    Array.from({ length: instance.numberOfFrames }, (_, i) => ({
      imageId: `wadors:${frameUrl(instance, i + 1)}`,
      instance,
      frame: i + 1,
    })),
  );
}
