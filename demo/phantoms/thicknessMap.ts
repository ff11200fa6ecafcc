import { DEMO_THICKNESS_MAP } from '../catalog/images';

/** Retinal thickness (µm) at a distance from the fovea, as a fraction of the scanned radius. */
function thicknessAt(r: number, angle: number): number {
  // A thin foveal pit, a thick parafoveal ring and a slow fall towards the edge; the nasal side
  // (image right for a right eye) a little thicker than the temporal, as in a healthy eye.
  const pit = -45 * Math.exp(-((r / 0.13) ** 2));
  const ring = 95 * Math.exp(-(((r - 0.38) / 0.22) ** 2));
  const nasal = 12 * Math.cos(angle) * Math.min(1, r / 0.3);
  return 250 + pit + ring + nasal - 20 * r;
}

/** The stored values of the thickness map: thickness − offset, 1…255 inside the scanned circle, 0 outside. */
export function thicknessMap(): Uint8Array {
  const { rows, columns, scanRadius, thicknessOffsetUm } = DEMO_THICKNESS_MAP;
  const out = new Uint8Array(rows * columns);
  const cx = columns / 2;
  const cy = rows / 2;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const r = Math.hypot(x - cx, y - cy) / scanRadius;
      if (r > 1) continue;
      const value = Math.round(thicknessAt(r, Math.atan2(y - cy, x - cx)) - thicknessOffsetUm);
      out[y * columns + x] = Math.max(1, Math.min(255, value));
    }
  }
  return out;
}

/** The 256 entries of one channel of the colour scale, 16 bits each (8-bit colour × 257). */
export function thicknessPalette(channel: 0 | 1 | 2): Uint16Array {
  const points = DEMO_THICKNESS_MAP.palette;
  const out = new Uint16Array(256);
  for (let v = 0; v < 256; v++) {
    const upper = points.findIndex(([at]) => at >= v);
    const [v1, c1] = points[upper]!;
    const [v0, c0] = points[Math.max(0, upper - 1)]!;
    const t = v1 === v0 ? 1 : (v - v0) / (v1 - v0);
    out[v] = Math.round(c0[channel] + t * (c1[channel] - c0[channel])) * 257;
  }
  return out;
}
