import { DEMO_CT } from '../catalog/images';

// A Shepp–Logan-like chest phantom: ellipsoids and elliptic cylinders with a Hounsfield value each,
// painted in order (later shapes replace earlier ones). Coordinates are pixels (column x, row y) and
// slice indices z; slice 0 is the most cranial. Several shapes have a limited z-extent so that the
// image changes visibly while scrolling.

interface Shape {
  what: string;
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  hu: number;
  /** In-plane scale of the shape at slice z (0 or less: absent), 1 when omitted (a cylinder). */
  scaleAt?: (z: number) => number;
  /** Replaces only pixels that already hold this value (a lesion inside an organ). */
  inside?: number;
}

/** An ellipsoid centred on slice `center`, reaching `half` slices up and down. */
const ellipsoid = (center: number, half: number) => (z: number) => {
  const t = 1 - ((z - center) / half) ** 2;
  return t > 0 ? Math.sqrt(t) : 0;
};
const between = (from: number, to: number) => (z: number) => (z >= from && z <= to ? 1 : 0);

/** Rib cross-sections around the chest wall; each comes and goes as the oblique rib passes through the plane. */
const RIB_ANGLES = [-145, -120, -60, -35, -5, 20, 45, 135, 160, 185];
const ribs: Shape[] = RIB_ANGLES.map((degrees, i) => {
  const angle = (degrees * Math.PI) / 180;
  return {
    what: `rib ${i + 1}`,
    cx: 256 + 176 * Math.cos(angle),
    cy: 256 + 126 * Math.sin(angle),
    rx: 7,
    ry: 5,
    hu: 700,
    scaleAt: (z: number) => (z >= 20 && z <= 175 && (z + i * 5) % 18 < 11 ? 1 : 0),
  };
});

const SHAPES: Shape[] = [
  { what: 'subcutaneous fat', cx: 256, cy: 256, rx: 200, ry: 150, hu: -90 },
  { what: 'soft tissue', cx: 256, cy: 256, rx: 190, ry: 140, hu: 40 },
  { what: 'sternum', cx: 256, cy: 122, rx: 14, ry: 6, hu: 700, scaleAt: between(20, 150) },
  ...ribs,
  { what: 'vertebral cortex', cx: 256, cy: 330, rx: 26, ry: 26, hu: 1000 },
  { what: 'vertebral body', cx: 256, cy: 330, rx: 22, ry: 22, hu: 700 },
  { what: 'spinal canal', cx: 256, cy: 366, rx: 9, ry: 8, hu: 15 },
  { what: 'spinous process', cx: 256, cy: 388, rx: 6, ry: 9, hu: 800 },
  { what: 'calcified lymph node', cx: 244, cy: 290, rx: 4, ry: 4, hu: 600, scaleAt: between(60, 70) },
  {
    what: 'liver',
    cx: 200,
    cy: 270,
    rx: 90,
    ry: 60,
    hu: 60,
    scaleAt: (z: number) => (z > 140 ? Math.sqrt((z - 140) / 60) : 0),
  },
  { what: 'liver cyst', cx: 190, cy: 280, rx: 10, ry: 10, hu: 5, scaleAt: ellipsoid(175, 10), inside: 60 },
  // The lung bases lie over the liver dome.
  { what: 'right lung', cx: 175, cy: 240, rx: 55, ry: 80, hu: -800, scaleAt: ellipsoid(100, 85) },
  { what: 'left lung', cx: 337, cy: 240, rx: 55, ry: 80, hu: -800, scaleAt: ellipsoid(100, 85) },
  // 8 pixels (5.6 mm) in radius at slice 100, z scaled so that it spans slices 96–104.
  { what: 'lung nodule', cx: 160, cy: 205, rx: 8, ry: 8, hu: 30, scaleAt: ellipsoid(100, 8 / 1.8) },
];

/** Pixels farther than this from the image centre lie outside the reconstruction circle. */
const SCAN_RADIUS = 255;
const CENTRE = 255.5;
const AIR = -1000;

const inShape = (s: Shape, scale: number, x: number, y: number) =>
  ((x - s.cx) / (s.rx * scale)) ** 2 + ((y - s.cy) / (s.ry * scale)) ** 2 <= 1;

const RULER = DEMO_CT.ruler;
const RULER_HALF = (RULER.sizePixels - 1) / 2;
const inRuler = (x: number, y: number, z: number) =>
  z >= RULER.slices[0] &&
  z <= RULER.slices[1] &&
  [RULER.from, RULER.to].some(([mx, my]) => Math.abs(x - mx) <= RULER_HALF && Math.abs(y - my) <= RULER_HALF);

/** Hounsfield value at column x, row y of slice z. */
export function ctHounsfield(x: number, y: number, z: number): number {
  if ((x - CENTRE) ** 2 + (y - CENTRE) ** 2 > SCAN_RADIUS ** 2) return DEMO_CT.paddingHu;
  if (inRuler(x, y, z)) return RULER.hu;
  let hu = AIR;
  for (const shape of SHAPES) {
    const scale = shape.scaleAt ? shape.scaleAt(z) : 1;
    if (scale <= 0 || !inShape(shape, scale, x, y)) continue;
    if (shape.inside === undefined || shape.inside === hu) hu = shape.hu;
  }
  return hu;
}

/** One slice as stored values (signed 16-bit; HU = stored + intercept), painted shape by shape. */
export function ctSlice(z: number): Int16Array {
  const { rows, columns, rescaleIntercept, paddingStoredValue } = DEMO_CT;
  const hu = new Int16Array(rows * columns).fill(AIR);
  for (const shape of SHAPES) {
    const scale = shape.scaleAt ? shape.scaleAt(z) : 1;
    if (scale <= 0) continue;
    const y0 = Math.max(0, Math.floor(shape.cy - shape.ry * scale));
    const y1 = Math.min(rows - 1, Math.ceil(shape.cy + shape.ry * scale));
    const x0 = Math.max(0, Math.floor(shape.cx - shape.rx * scale));
    const x1 = Math.min(columns - 1, Math.ceil(shape.cx + shape.rx * scale));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const i = y * columns + x;
        if (inShape(shape, scale, x, y) && (shape.inside === undefined || hu[i] === shape.inside))
          hu[i] = shape.hu;
      }
    }
  }
  const out = new Int16Array(rows * columns);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const i = y * columns + x;
      if ((x - CENTRE) ** 2 + (y - CENTRE) ** 2 > SCAN_RADIUS ** 2) out[i] = paddingStoredValue;
      else out[i] = (inRuler(x, y, z) ? RULER.hu : hu[i]!) - rescaleIntercept;
    }
  }
  return out;
}
