import { DEMO_CR } from '../catalog/images';
import { hash3, unit } from './noise';

// A PA chest radiograph. Each structure adds attenuation with a smooth (ellipsoidal) thickness
// profile; the detector value falls with the total, so MONOCHROME1 shows air dark and bone light.

/** Thickness profile of an ellipse at (x, y): 1 at the centre, 0 at and beyond the edge. */
function profile(x: number, y: number, cx: number, cy: number, rx: number, ry: number): number {
  const r = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
  return r >= 1 ? 0 : Math.sqrt(1 - r);
}

/** Thickness profile of a band of half-width w around the segment (x0, y0)–(x1, y1). */
function band(x: number, y: number, x0: number, y0: number, x1: number, y1: number, w: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
  return d >= w ? 0 : Math.sqrt(1 - (d / w) ** 2);
}

const { columns: WIDTH, rows: HEIGHT, marker: MARKER } = DEMO_CR;

/** The lead marker "R" as a 5×7 bitmap. */
const LETTER_R = ['11110', '10001', '10001', '11110', '10100', '10010', '10001'];

function inMarker(x: number, y: number): boolean {
  const { left, top, width, height } = MARKER;
  if (x < left || y < top || x >= left + width || y >= top + height) return false;
  const column = Math.floor(((x - left) / width) * 5);
  const row = Math.floor(((y - top) / height) * 7);
  return LETTER_R[row]?.[column] === '1';
}

interface Bone {
  attenuation: number;
  halfWidth: number;
  segments: Array<[number, number, number, number]>;
  /** Bounding box, so that most pixels skip the bone at once. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function bone(attenuation: number, halfWidth: number, points: Array<[number, number]>): Bone {
  const segments = points
    .slice(1)
    .map(([x1, y1], i) => [points[i]![0], points[i]![1], x1, y1] as [number, number, number, number]);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    attenuation,
    halfWidth,
    segments,
    left: Math.min(...xs) - halfWidth,
    right: Math.max(...xs) + halfWidth,
    top: Math.min(...ys) - halfWidth,
    bottom: Math.max(...ys) + halfWidth,
  };
}

/** Clavicles and posterior ribs (rising a little from the spine, then curving down to the chest wall). */
const BONES: Bone[] = [-1, 1].flatMap((side) => {
  const cx = WIDTH / 2;
  const clavicle = bone(0.3, HEIGHT * 0.012, [
    [cx + side * WIDTH * 0.04, HEIGHT * 0.2],
    [cx + side * WIDTH * 0.33, HEIGHT * 0.15],
  ]);
  const ribs = Array.from({ length: 9 }, (_, rib) => {
    const y0 = HEIGHT * (0.24 + rib * 0.052);
    const shape: Array<[number, number]> = [
      [0.04, 0],
      [0.13, -0.012],
      [0.24, 0.008],
      [0.33, 0.05],
    ];
    return bone(
      0.18,
      HEIGHT * 0.008,
      shape.map(([fx, fy]) => [cx + side * WIDTH * fx, y0 + HEIGHT * fy]),
    );
  });
  return [clavicle, ...ribs];
});

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/** Attenuation at (x, y): 0 for air, about 1 through the spine. */
export function chestAttenuation(x: number, y: number): number {
  const w = WIDTH;
  const h = HEIGHT;
  const cx = w / 2;
  const trunk = profile(x, y, cx, h * 0.56, w * 0.44, h * 0.52);
  let a = 0.55 * trunk; // soft tissue of the trunk
  a += 0.25 * profile(x, y, cx - w * 0.4, h * 0.14, w * 0.16, h * 0.1); // right shoulder
  a += 0.25 * profile(x, y, cx + w * 0.4, h * 0.14, w * 0.16, h * 0.1); // left shoulder
  // Below the two domes of the diaphragm lie the liver and the abdomen, denser than the lungs above.
  const side = x < cx ? -1 : 1;
  const dome = h * (side < 0 ? 0.64 : 0.66) + ((x - (cx + side * w * 0.19)) / (w * 0.15)) ** 2 * h * 0.05;
  const abdomen = smoothstep((y - dome) / (h * 0.015)) * (trunk > 0 ? 1 : 0);
  a += 0.22 * abdomen;
  const lungs =
    profile(x, y, cx - w * 0.19, h * 0.47, w * 0.15, h * 0.27) +
    profile(x, y, cx + w * 0.19, h * 0.47, w * 0.15, h * 0.27);
  a -= 0.35 * Math.min(1, lungs) * (1 - abdomen); // air in the lungs
  a += 0.3 * profile(x, y, cx + w * 0.05, h * 0.6, w * 0.17, h * 0.11); // heart
  a += 0.45 * band(x, y, cx, h * 0.08, cx, h, w * 0.035); // spine
  for (const bone of BONES) {
    if (x < bone.left || x > bone.right || y < bone.top || y > bone.bottom) continue;
    let thickness = 0;
    for (const [x0, y0, x1, y1] of bone.segments)
      thickness = Math.max(thickness, band(x, y, x0, y0, x1, y1, bone.halfWidth));
    a += bone.attenuation * thickness;
  }
  if (inMarker(x, y)) a = 3; // lead
  return Math.max(0, a);
}

/** The radiograph as stored: 12-bit values, high where much radiation reached the detector. */
export function chestRadiograph(): Uint16Array {
  const columns = WIDTH;
  const rows = HEIGHT;
  const out = new Uint16Array(rows * columns);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const grain = (unit(hash3(x, y, 7)) * 2 - 1) * 12;
      const value = 4000 * Math.exp(-1.8 * chestAttenuation(x, y)) + grain + 40;
      out[y * columns + x] = Math.max(0, Math.min(4095, Math.round(value)));
    }
  }
  return out;
}
