import { DEMO_CT } from './catalog';

const inEllipse = (x: number, y: number, cx: number, cy: number, a: number, b: number) =>
  ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1;

/** Hounsfield value of the CT phantom at column x, row y of slice z (a chest that turns into an abdomen). */
export function ctHounsfield(x: number, y: number, z: number): number {
  if ((x - 255.5) ** 2 + (y - 255.5) ** 2 > 255 ** 2)
    return DEMO_CT.paddingStoredValue + DEMO_CT.rescaleIntercept;
  const { ruler } = DEMO_CT;
  if (z >= ruler.slices[0] && z <= ruler.slices[1]) {
    for (const [mx, my] of [ruler.from, ruler.to]) {
      if (Math.abs(x - mx) <= 1 && Math.abs(y - my) <= 1) return ruler.hu;
    }
  }
  if (!inEllipse(x, y, 256, 256, 200, 150)) return -1000;
  const r = Math.hypot(x - 256, y - 330);
  if (r <= 22) return 700;
  if (r <= 26) return 1000;
  // Lungs: ellipsoids that are widest at slice 100 and gone before slice 20 and after slice 180.
  const lung = 1 - ((z - 100) / 85) ** 2;
  if (lung > 0) {
    const s = Math.sqrt(lung);
    if (inEllipse(x, y, 175, 240, 55 * s, 80 * s) || inEllipse(x, y, 337, 240, 55 * s, 80 * s)) {
      if (Math.hypot(x - 160, y - 205, (z - 100) * 1.8) <= 8) return 30; // a nodule
      return -800;
    }
  }
  // Liver from slice 140 down, growing as the lungs shrink.
  const liver = (z - 140) / 60;
  if (liver > 0 && inEllipse(x, y, 200, 270, 90 * Math.sqrt(liver), 60 * Math.sqrt(liver))) return 60;
  return 40;
}

/** One CT slice as stored values (signed 16-bit; HU = stored + intercept). */
export function ctSlice(z: number): Int16Array {
  const { rows, columns, rescaleIntercept } = DEMO_CT;
  const out = new Int16Array(rows * columns);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) out[y * columns + x] = ctHounsfield(x, y, z) - rescaleIntercept;
  }
  return out;
}

/** A T1-like brain slice, 256×256, unsigned 16-bit: scalp, skull, grey and white matter, ventricles. */
export function mrSlice(z: number, slices: number): Uint16Array {
  const size = 256;
  const out = new Uint16Array(size * size);
  const t = 1 - ((z - slices / 2) / (slices * 0.62)) ** 2;
  const s = Math.sqrt(Math.max(t, 0));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = 0;
      if (inEllipse(x, y, 128, 128, 100 * s, 120 * s)) v = 900; // scalp
      if (inEllipse(x, y, 128, 128, 94 * s, 114 * s)) v = 120; // skull
      if (inEllipse(x, y, 128, 128, 88 * s, 108 * s)) v = 650; // grey matter
      if (inEllipse(x, y, 128, 128, 70 * s, 88 * s)) v = 820; // white matter
      if (inEllipse(x, y, 116, 120, 9 * s, 26 * s) || inEllipse(x, y, 140, 120, 9 * s, 26 * s)) v = 180; // ventricles
      out[y * size + x] = v === 0 ? 0 : v + ((x * 7 + y * 13 + z * 3) % 23);
    }
  }
  return out;
}

/** A PA chest radiograph, 12-bit, MONOCHROME1 (higher values darker): lungs dark, bones and heart light. */
export function chestRadiograph(columns: number, rows: number): Uint16Array {
  const out = new Uint16Array(rows * columns);
  const cx = columns / 2;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      // Attenuation: 0 (none, air) … 1 (bone). MONOCHROME1 stores exposure, so air is the highest value.
      let a = 0;
      if (inEllipse(x, y, cx, rows * 0.55, columns * 0.42, rows * 0.48)) a = 0.55; // soft tissue
      if (inEllipse(x, y, cx - columns * 0.17, rows * 0.48, columns * 0.13, rows * 0.3)) a = 0.2; // right lung
      if (inEllipse(x, y, cx + columns * 0.17, rows * 0.48, columns * 0.13, rows * 0.3)) a = 0.2; // left lung
      if (inEllipse(x, y, cx + columns * 0.05, rows * 0.62, columns * 0.12, rows * 0.13)) a = 0.6; // heart
      if (Math.abs(x - cx) < columns * 0.025 && y > rows * 0.12) a = 0.85; // spine
      for (let rib = 0; rib < 9; rib++) {
        const ry = rows * (0.25 + rib * 0.06) + Math.abs(x - cx) * 0.25;
        if (Math.abs(y - ry) < rows * 0.008 && Math.abs(x - cx) < columns * 0.32) a = Math.max(a, 0.7);
      }
      out[y * columns + x] = Math.round(4095 * (1 - a) * 0.9 + ((x ^ y) & 15));
    }
  }
  return out;
}

/** One frame of an ultrasound-like cine: a sector with speckle and a chamber that beats over 40 frames. */
export function ultrasoundFrame(frame: number, columns = 640, rows = 480): Uint8Array {
  const out = new Uint8Array(rows * columns);
  const apexX = columns / 2;
  const beat = 0.5 + 0.5 * Math.sin((2 * Math.PI * frame) / 20);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const dx = x - apexX;
      const depth = Math.hypot(dx, y + 20);
      const angle = Math.atan2(dx, y + 20);
      if (Math.abs(angle) > 0.75 || depth > rows - 10) continue;
      const speckle = ((x * 73856093) ^ (y * 19349663) ^ (frame * 83492791)) >>> 0;
      let v = 60 + (speckle % 60);
      const chamber = Math.hypot((x - apexX) / (60 + 25 * beat), (y - 250) / (80 + 30 * beat));
      if (chamber < 1) v = 10 + (speckle % 20);
      else if (chamber < 1.25) v = 170 + (speckle % 70);
      out[y * columns + x] = Math.min(255, Math.round(v * (1 - depth / (rows * 1.6))));
    }
  }
  return out;
}

/** A colour fundus photograph (RGB, interleaved): orange retina, bright optic disc, darker macula, vessels. */
export function fundusPhoto(size: number, eye: 'R' | 'L'): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  const c = size / 2;
  const discX = eye === 'R' ? c + size * 0.17 : c - size * 0.17; // the disc lies nasally
  const vessels = Array.from({ length: 8 }, (_, i) => ({
    angle: (i / 8) * 2 * Math.PI + 0.3,
    curve: ((i % 3) - 1) * 0.0012,
  }));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const r = Math.hypot(x - c, y - c);
      if (r > size * 0.47) continue; // black outside the field of view
      const vignette = 1 - (r / (size * 0.47)) ** 3 * 0.45;
      let red = 205 * vignette;
      let green = 90 * vignette;
      let blue = 35 * vignette;
      const macula = Math.hypot(x - c, y - c) / (size * 0.09);
      if (macula < 1) {
        red *= 0.75 + 0.25 * macula;
        green *= 0.7 + 0.3 * macula;
      }
      const disc = Math.hypot(x - discX, y - c) / (size * 0.075);
      if (disc < 1) {
        red = 250;
        green = 215 - 40 * disc;
        blue = 150 - 50 * disc;
      }
      const dx = x - discX;
      const dy = y - c;
      const rho = Math.hypot(dx, dy);
      if (rho > size * 0.02) {
        const theta = Math.atan2(dy, dx);
        for (const v of vessels) {
          let d = Math.abs(((theta - v.angle - v.curve * rho + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
          d *= rho;
          const width = Math.max(1.2, size * 0.009 * (1 - rho / size));
          if (d < width) {
            red *= 0.62;
            green *= 0.45;
            blue *= 0.6;
            break;
          }
        }
      }
      out[i] = Math.round(red);
      out[i + 1] = Math.round(green);
      out[i + 2] = Math.round(blue);
    }
  }
  return out;
}
