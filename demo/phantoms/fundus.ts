import { DEMO_FUNDUS } from '../catalog/images';
import { noiseField, seededRandom } from './noise';

// A colour fundus photograph: orange-red retina with a choroidal mottle and vignetting, a bright optic
// disc with a paler cup, a darker macula with a foveal reflex, and a vessel tree of arteries and veins
// leaving the disc in arcades above and below the macula. Geometry is in fractions of the image size.

type Point = [number, number];

interface Vessel {
  points: Point[];
  /** Half-width at the start and the end, as a fraction of the image size. */
  from: number;
  to: number;
  vein: boolean;
}

/** Catmull–Rom spline through the points, sampled every `step` (same units as the points). */
function spline(points: Point[], step: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const n = Math.max(2, Math.ceil(Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) / step));
    for (let k = 0; k < n; k++) {
      const t = k / n;
      const t2 = t * t;
      const t3 = t2 * t;
      const at = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([at(p0[0], p1[0], p2[0], p3[0]), at(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[points.length - 1]!);
  return out;
}

/** The vessel tree of one eye, relative to the disc centre; `temporal` is −1 when the macula lies left of the disc. */
function vesselTree(temporal: number, random: () => number): Vessel[] {
  const wiggle = (points: Point[]): Point[] =>
    points.map(([x, y], i) =>
      i === 0 ? [x, y] : [x + (random() - 0.5) * 0.02, y + (random() - 0.5) * 0.02],
    );
  // Arteries leave the cup a little nasal of the veins, so that the two trees do not merge in one knot.
  const arcade = (up: number, offset: number): Point[] =>
    [
      [-offset / 2, offset / 3],
      [0.02 + offset, -0.06 + offset],
      [0.09 + offset, -0.12 + offset],
      [0.2, -0.15 + offset],
      [0.32, -0.13 + offset],
      [0.43, -0.08 + offset],
    ].map(([x, y]) => [temporal * x!, up * y!] as Point);
  const nasal = (up: number, spread: number): Point[] =>
    [
      [0.004 * (1 - spread), 0.004],
      [0.04, -0.05 * spread],
      [0.09, -0.12 * spread],
      [0.15, -0.2 * spread],
      [0.2, -0.3 * spread],
    ].map(([x, y]) => [-temporal * x!, up * y!] as Point);
  const main: Vessel[] = [];
  for (const up of [1, -1]) {
    main.push({ points: wiggle(arcade(up, 0)), from: 0.0085, to: 0.003, vein: true });
    main.push({ points: wiggle(arcade(up, 0.018)), from: 0.0065, to: 0.0025, vein: false });
    main.push({ points: wiggle(nasal(up, 1)), from: 0.006, to: 0.0025, vein: true });
    main.push({ points: wiggle(nasal(up, 0.55)), from: 0.0048, to: 0.002, vein: false });
  }
  // Branches: from points along each main vessel, away from the macula, thinner than their parent.
  const branches: Vessel[] = [];
  for (const parent of main) {
    const path = spline(parent.points, 0.01);
    for (const at of [0.35, 0.6, 0.82]) {
      const start = path[Math.floor(at * (path.length - 1))]!;
      const away = Math.sign(start[1]) || 1;
      const length = 0.06 + random() * 0.08;
      const lean = (random() - 0.3) * temporal;
      const end: Point = [start[0] + lean * length, start[1] + away * length];
      const bend = (f: number): Point => [
        start[0] + (end[0] - start[0]) * f + (random() - 0.5) * 0.025,
        start[1] + (end[1] - start[1]) * f,
      ];
      const width = parent.from + (parent.to - parent.from) * at;
      branches.push({
        points: [start, bend(0.35), bend(0.7), end],
        from: width * 0.7,
        to: 0.0015,
        vein: parent.vein,
      });
    }
  }
  return [...main, ...branches];
}

/** Paints the vessels into coverage masks (0–1), veins and arteries apart. */
function paintVessels(
  size: number,
  disc: Point,
  vessels: Vessel[],
): { veins: Float32Array; arteries: Float32Array } {
  const veins = new Float32Array(size * size);
  const arteries = new Float32Array(size * size);
  for (const vessel of vessels) {
    const mask = vessel.vein ? veins : arteries;
    const path = spline(vessel.points, 0.5 / size);
    path.forEach(([px, py], i) => {
      const x = (disc[0] + px) * size;
      const y = (disc[1] + py) * size;
      const w = (vessel.from + ((vessel.to - vessel.from) * i) / (path.length - 1)) * size;
      for (
        let yy = Math.max(0, Math.floor(y - w - 1));
        yy <= Math.min(size - 1, Math.ceil(y + w + 1));
        yy++
      ) {
        for (
          let xx = Math.max(0, Math.floor(x - w - 1));
          xx <= Math.min(size - 1, Math.ceil(x + w + 1));
          xx++
        ) {
          const coverage = Math.min(1, Math.max(0, w - Math.sqrt((xx - x) ** 2 + (yy - y) ** 2) + 0.5));
          const k = yy * size + xx;
          if (coverage > mask[k]!) mask[k] = coverage;
        }
      }
    });
  }
  return { veins, arteries };
}

export interface FundusOptions {
  size: number;
  eye: 'R' | 'L';
  /** Vertical cup-to-disc ratio (0.3 healthy, 0.7 glaucomatous). */
  cupDiscRatio: number;
  /** Varies the vessel tree between people. */
  seed: number;
}

/** The photograph as interleaved RGB (PlanarConfiguration 0). */
export function fundusPhoto({ size, eye, cupDiscRatio, seed }: FundusOptions): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  const disc = DEMO_FUNDUS.disc[eye] as unknown as Point;
  const [fx, fy] = DEMO_FUNDUS.fovea;
  const temporal = eye === 'R' ? -1 : 1;
  const { veins, arteries } = paintVessels(size, disc, vesselTree(temporal, seededRandom(seed)));
  const c = size / 2;
  const field = DEMO_FUNDUS.fieldRadius * size;
  const discRx = 0.075 * size;
  const discRy = 0.085 * size;
  const coarse = noiseField(size, size, size / 40, seed);
  const fine = noiseField(size, size, size / 160, seed + 1);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.sqrt((x + 0.5 - c) ** 2 + (y + 0.5 - c) ** 2);
      const edge = Math.min(1, Math.max(0, field - r));
      if (edge <= 0) continue;
      const mottle = 0.93 + 0.09 * coarse(x, y) + 0.05 * fine(x, y);
      const vignette = (1 - (r / field) ** 3 * 0.5) * mottle;
      let red = 212 * vignette;
      let green = 92 * vignette;
      let blue = 38 * vignette;
      const foveaDistance2 = (x - fx * size) ** 2 + (y - fy * size) ** 2;
      const macula = Math.exp(-foveaDistance2 / (0.085 * size) ** 2);
      red *= 1 - 0.3 * macula;
      green *= 1 - 0.5 * macula;
      blue *= 1 - 0.3 * macula;
      const reflex = Math.exp(-foveaDistance2 / (0.005 * size) ** 2);
      red += 50 * reflex;
      green += 45 * reflex;
      blue += 30 * reflex;
      const d = Math.sqrt(((x - disc[0] * size) / discRx) ** 2 + ((y - disc[1] * size) / discRy) ** 2);
      if (d < 1.08) {
        // A soft rim around a bright disc, and a paler, yellow-white cup inside.
        const inDisc = Math.min(1, Math.max(0, (1.08 - d) / 0.08));
        const cup = Math.min(1, Math.max(0, (cupDiscRatio - d) / 0.06));
        red += (246 - red) * inDisc;
        green += (186 - 30 * d - green) * inDisc + (236 - 186) * cup;
        blue += (110 - 30 * d - blue) * inDisc + (190 - 110) * cup;
      }
      const vein = veins[y * size + x]!;
      const artery = arteries[y * size + x]!;
      red *= 1 - 0.42 * vein - 0.18 * artery;
      green *= 1 - 0.65 * vein - 0.35 * artery;
      blue *= 1 - 0.45 * vein - 0.25 * artery;
      const i = (y * size + x) * 3;
      out[i] = Math.min(255, Math.round(red * edge));
      out[i + 1] = Math.min(255, Math.round(green * edge));
      out[i + 2] = Math.min(255, Math.round(blue * edge));
    }
  }
  return out;
}
