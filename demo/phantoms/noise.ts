/** Deterministic integer hash of up to three coordinates, for speckle and texture that every build repeats. */
export function hash3(x: number, y: number, z = 0): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ Math.imul(z | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [0, 1) from a hash. */
export const unit = (h: number) => h / 4294967296;

/**
 * Smooth value noise in [0, 1) over a `width` × `height` image: bilinear (smoothstep) between hashed
 * lattice values `cell` pixels apart. The lattice is hashed once, as images ask at every pixel.
 */
export function noiseField(
  width: number,
  height: number,
  cell: number,
  seed = 0,
): (x: number, y: number) => number {
  const columns = Math.ceil(width / cell) + 2;
  const rows = Math.ceil(height / cell) + 2;
  const lattice = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++) lattice[j * columns + i] = unit(hash3(i, j, seed));
  return (x, y) => {
    const gx = x / cell;
    const gy = y / cell;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const fx = gx - x0;
    const fy = gy - y0;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const k = y0 * columns + x0;
    const top = lattice[k]! + (lattice[k + 1]! - lattice[k]!) * sx;
    const bottom = lattice[k + columns]! + (lattice[k + columns + 1]! - lattice[k + columns]!) * sx;
    return top + (bottom - top) * sy;
  };
}

/** A small seeded pseudo-random generator (mulberry32) for shapes that must be the same on every build. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
