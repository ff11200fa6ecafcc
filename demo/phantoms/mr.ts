import { DEMO_MR } from '../catalog/images';
import { inEllipse, noiseField } from './noise';

/** Tissue layers of the brain phantom from the outside in; each replaces the previous inside its ellipse. */
const LAYERS: ReadonlyArray<{ what: string; rx: number; ry: number; value: number }> = [
  { what: 'scalp', rx: 100, ry: 120, value: 30000 },
  { what: 'skull', rx: 94, ry: 114, value: 3000 },
  { what: 'CSF', rx: 90, ry: 110, value: 6000 },
  { what: 'grey matter', rx: 87, ry: 107, value: 22000 },
  { what: 'white matter', rx: 70, ry: 88, value: 34000 },
];
const VENTRICLES = { value: 6000, rx: 9, ry: 26, centres: [[116, 120] as const, [140, 120] as const] };

const SLICES = DEMO_MR.slices;

/** Scale of the head on slice z: an ellipsoid, smallest at the first and last slices. */
export function headScale(z: number): number {
  const t = 1 - ((z - (SLICES - 1) / 2) / (SLICES * 0.62)) ** 2;
  return Math.sqrt(Math.max(t, 0));
}

/** The stored value at column x, row y of slice z, without texture. */
export function mrTissue(x: number, y: number, z: number, s = headScale(z)): number {
  let value = 0;
  for (const layer of LAYERS) if (inEllipse(x, y, 128, 128, layer.rx * s, layer.ry * s)) value = layer.value;
  for (const [cx, cy] of VENTRICLES.centres)
    if (inEllipse(x, y, cx, cy, VENTRICLES.rx * s, VENTRICLES.ry * s)) value = VENTRICLES.value;
  return value;
}

/** One T1-like slice, unsigned 16-bit, with a smooth tissue texture so that it does not look drawn. */
export function mrSlice(z: number): Uint16Array {
  const { rows, columns, textureAmplitude } = DEMO_MR;
  const out = new Uint16Array(rows * columns);
  const s = headScale(z);
  const noise = noiseField(columns, rows, 5, z);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const value = mrTissue(x, y, z, s);
      const texture = (noise(x, y) * 2 - 1) * textureAmplitude;
      out[y * columns + x] = value === 0 ? 0 : Math.round(value + texture);
    }
  }
  return out;
}
