import { describe, expect, it } from 'vitest';
import {
  GreyTable,
  drawGreyscale,
  greyOf,
  packGrey,
  type CanvasToImage,
  type GreyMapping,
  type StoredImage,
} from './greyscaleCanvas';

const CT_WINDOW: GreyMapping = {
  slope: 1,
  intercept: -1024,
  // 40/400 under DICOM's linear function: lower = c − ½ − (w − 1)/2.
  lower: 40 - 0.5 - 399 / 2,
  upper: 40 - 0.5 + 399 / 2,
  voiFunction: 'LINEAR',
  invert: false,
};

function image(columns: number, rows: number, value: (column: number, row: number) => number): StoredImage {
  const pixels = new Float32Array(columns * rows);
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) pixels[row * columns + column] = value(column, row);
  return { pixels, columns, rows };
}

function draw(
  stored: StoredImage,
  mapping: GreyMapping,
  affine: CanvasToImage,
  width: number,
  height: number,
) {
  const table = new GreyTable();
  table.prepare(mapping);
  const out = new Uint32Array(width * height);
  drawGreyscale(stored, table, affine, out, width, height);
  return out;
}

/** The same drawing done the slow, obvious way, in double precision. */
function reference(
  stored: StoredImage,
  mapping: GreyMapping,
  affine: CanvasToImage,
  width: number,
  height: number,
) {
  const { pixels, columns, rows } = stored;
  const [a, b, c, d, e, f] = affine;
  const at = (column: number, row: number) =>
    pixels[Math.min(rows - 1, Math.max(0, row)) * columns + Math.min(columns - 1, Math.max(0, column))]!;
  const out = new Uint32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const u = a * (x + 0.5) + c * (y + 0.5) + e;
      const v = b * (x + 0.5) + d * (y + 0.5) + f;
      if (u < -0.5 || u >= columns - 0.5 || v < -0.5 || v >= rows - 0.5) {
        out[y * width + x] = packGrey(0);
        continue;
      }
      const uc = Math.min(columns - 1, Math.max(0, u));
      const vc = Math.min(rows - 1, Math.max(0, v));
      const [left, top] = [Math.floor(uc), Math.floor(vc)];
      const [fu, fv] = [uc - left, vc - top];
      const stored =
        at(left, top) * (1 - fu) * (1 - fv) +
        at(left + 1, top) * fu * (1 - fv) +
        at(left, top + 1) * (1 - fu) * fv +
        at(left + 1, top + 1) * fu * fv;
      const grey = greyOf(stored * mapping.slope + mapping.intercept, mapping);
      out[y * width + x] = packGrey(mapping.invert ? 255 - grey : grey);
    }
  return out;
}

const greyAt = (out: Uint32Array, width: number, x: number, y: number) =>
  new Uint8Array(out.buffer, (y * width + x) * 4, 4)[0]!;

function expectClose(seen: Uint32Array, expected: Uint32Array) {
  const a = new Uint8Array(seen.buffer);
  const b = new Uint8Array(expected.buffer);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  expect(worst).toBeLessThanOrEqual(1);
}

/** Canvas → image for an image magnified `zoom` times, rotated `degrees` about the canvas centre. */
function camera(stored: StoredImage, width: number, height: number, zoom: number, degrees = 0, flip = false) {
  const angle = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle) / zoom, Math.sin(angle) / zoom];
  const mirror = flip ? -1 : 1;
  // image = R·(canvas − canvas centre) / zoom + image centre, with an optional horizontal mirror.
  const a = mirror * cos;
  const b = -sin;
  const c = mirror * sin;
  const d = cos;
  const [cx, cy] = [width / 2, height / 2];
  const [ix, iy] = [(stored.columns - 1) / 2, (stored.rows - 1) / 2];
  return [a, b, c, d, ix - a * cx - c * cy, iy - b * cx - d * cy] as const;
}

describe('drawGreyscale', () => {
  const ramp = image(37, 23, (column, row) => 900 + 7 * column + 13 * row + ((column * row) % 5) * 3);

  it('matches a straightforward bilinear-then-window rendering, magnified, panned, flipped and rotated', () => {
    for (const [zoom, degrees, flip] of [
      [1, 0, false],
      [1.7, 0, false],
      [2.3, 0, true],
      [0.6, 0, false],
      [1.9, 90, false],
      [1.3, 30, true],
      [2.1, 180, false],
    ] as const) {
      const affine = camera(ramp, 80, 61, zoom, degrees, flip);
      expectClose(draw(ramp, CT_WINDOW, affine, 80, 61), reference(ramp, CT_WINDOW, affine, 80, 61));
    }
  });

  it('inverts, follows the sigmoid function and a rescale slope', () => {
    const affine = camera(ramp, 64, 64, 1.5, 0);
    for (const mapping of [
      { ...CT_WINDOW, invert: true },
      { ...CT_WINDOW, voiFunction: 'SIGMOID' as const },
      { ...CT_WINDOW, slope: 0.5, intercept: 400 },
    ])
      expectClose(draw(ramp, mapping, affine, 64, 64), reference(ramp, mapping, affine, 64, 64));
  });

  it('keeps a small bright marker white: it interpolates before windowing', () => {
    // A 3×3 block of 1500 HU in 40 HU tissue, magnified 1.6 times (as the demo CT in a viewport).
    const marker = image(16, 16, (column, row) =>
      column >= 6 && column <= 8 && row >= 6 && row <= 8 ? 1500 + 1024 : 40 + 1024,
    );
    const affine = camera(marker, 26, 26, 1.6);
    const out = draw(marker, CT_WINDOW, affine, 26, 26);
    // The marker's centre pixel (7, 7) lies at canvas 13 − (7.5 − 7)·1.6 ≈ 12.2.
    expect(greyAt(out, 26, 12, 12)).toBe(255);
    expect(greyAt(out, 26, 1, 1)).toBe(Math.round(255 * ((40 - CT_WINDOW.lower) / 399)));
  });

  it('draws opaque black beyond the image and clamps at its outer half pixels', () => {
    const flat = image(4, 4, () => 2000 + 1024);
    // One image pixel per canvas pixel, the image starting at canvas (3, 2).
    const affine: CanvasToImage = [1, 0, 0, 1, -3.5, -2.5];
    const table = new GreyTable();
    table.prepare(CT_WINDOW);
    const out = new Uint32Array(80);
    expect(drawGreyscale(flat, table, affine, out, 10, 8)).toEqual({ left: 3, top: 2, right: 7, bottom: 6 });
    expect(greyAt(out, 10, 2, 4)).toBe(0);
    expect(greyAt(out, 10, 3, 2)).toBe(255);
    expect(greyAt(out, 10, 6, 5)).toBe(255);
    expect(greyAt(out, 10, 7, 5)).toBe(0);
    expect(greyAt(out, 10, 5, 6)).toBe(0);
    expect(new Uint8Array(out.buffer)[3]).toBe(255);
  });

  it('draws a one-pixel image', () => {
    const dot = image(1, 1, () => 1024 + 40);
    const out = draw(dot, CT_WINDOW, [0.25, 0, 0, 0.25, -0.5, -0.5], 4, 4);
    expect([...new Set(new Uint8Array(out.buffer).filter((_, i) => i % 4 === 0))]).toEqual([
      Math.round(255 * ((40 - CT_WINDOW.lower) / 399)),
    ]);
  });
});

describe('GreyTable', () => {
  it('maps the window ends to black and white, and outside values to the ends', () => {
    const table = new GreyTable();
    table.prepare({ ...CT_WINDOW, intercept: 0 });
    const grey = (stored: number) => {
      const k = stored * table.scale + table.offset;
      const index = Math.min(4095, Math.max(0, Math.round(k)));
      return new Uint8Array(table.colours.buffer, index * 4, 1)[0];
    };
    expect(grey(-1000)).toBe(0);
    expect(grey(CT_WINDOW.lower)).toBe(0);
    expect(grey(CT_WINDOW.upper)).toBe(255);
    expect(grey(3000)).toBe(255);
    expect(grey(40)).toBe(greyOf(40, CT_WINDOW));
  });
});
