import { describe, expect, it } from 'vitest';
import {
  differences,
  parseImageRect,
  parsePnm,
  pearson,
  sampleBilinear,
  samplingGrid,
  toGrey,
  windowGrey,
  type GreyImage,
} from './rendering';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('parsePnm', () => {
  it('reads an 8-bit PGM with a comment in its header', () => {
    const pgm = parsePnm(
      concat(ascii('P5\n# made by dcm2pnm\n3 2\n255\n'), Uint8Array.of(0, 1, 2, 3, 4, 255)),
    );
    expect(pgm).toMatchObject({ width: 3, height: 2, channels: 1, maxValue: 255 });
    expect(Array.from(pgm.samples)).toEqual([0, 1, 2, 3, 4, 255]);
  });

  it('reads a 16-bit PPM, big-endian samples', () => {
    const ppm = parsePnm(concat(ascii('P6 1 1 65535\n'), Uint8Array.of(0x01, 0x02, 0xff, 0xff, 0, 7)));
    expect(ppm).toMatchObject({ width: 1, height: 1, channels: 3, maxValue: 65535 });
    expect(Array.from(ppm.samples)).toEqual([0x0102, 0xffff, 7]);
  });

  it('refuses other formats and truncated data', () => {
    expect(() => parsePnm(ascii('P1 1 1 255\n0\n'))).toThrow(/Not a PGM/);
    expect(() => parsePnm(ascii('P2 2 1 255\n0\n'))).toThrow(/truncated/);
    expect(() => parsePnm(concat(ascii('P5 2 2 255\n'), Uint8Array.of(1, 2, 3)))).toThrow(/truncated/);
  });
});

describe('toGrey', () => {
  it('scales grey values to 0–255 and takes BT.601 luminance of colour', () => {
    expect(
      Array.from(toGrey(parsePnm(concat(ascii('P5 2 1 1023\n'), Uint8Array.of(3, 255, 0, 0)))).values),
    ).toEqual([255, 0]);
    const [red, white] = toGrey(
      parsePnm(concat(ascii('P6 2 1 255\n'), Uint8Array.of(255, 0, 0, 255, 255, 255))),
    ).values as unknown as number[];
    expect(red).toBeCloseTo(76.245, 3);
    expect(white).toBeCloseTo(255, 6);
  });
});

describe('sampleBilinear', () => {
  const image: GreyImage = { width: 2, height: 2, values: Float64Array.of(0, 100, 200, 300) };
  it('gives pixel values at pixel centres and interpolates between them', () => {
    expect(sampleBilinear(image, 0, 0)).toBe(0);
    expect(sampleBilinear(image, 1, 1)).toBe(300);
    expect(sampleBilinear(image, 0.5, 0)).toBe(50);
    expect(sampleBilinear(image, 0.5, 0.5)).toBe(150);
  });
  it('clamps outside the image', () => {
    expect(sampleBilinear(image, -0.5, -3)).toBe(0);
    expect(sampleBilinear(image, 5, 0)).toBe(100);
  });
});

describe('samplingGrid', () => {
  it('maps canvas pixel centres to image coordinates of a fitted image', () => {
    // A 4×2 image drawn 8×4 canvas pixels large at (10, 20).
    const points = samplingGrid(
      { left: 10, top: 20, right: 18, bottom: 24 },
      { columns: 4, rows: 2 },
      { width: 100, height: 100 },
      100,
      100,
    );
    expect(points).toHaveLength(32);
    expect(points[0]).toEqual({ x: 10, y: 20, column: -0.25, row: -0.25 });
    expect(points.at(-1)).toEqual({ x: 17, y: 23, column: 3.25, row: 1.25 });
  });

  it('keeps to the canvas and thins out to the number asked for', () => {
    const points = samplingGrid(
      { left: -50, top: 0, right: 150, bottom: 100 },
      { columns: 200, rows: 100 },
      { width: 100, height: 100 },
      10,
      5,
    );
    expect(points).toHaveLength(50);
    expect(Math.min(...points.map((p) => p.x))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...points.map((p) => p.x))).toBeLessThan(100);
    expect(new Set(points.map((p) => p.x)).size).toBe(10);
  });

  it('refuses an image off the canvas', () => {
    expect(() =>
      samplingGrid(
        { left: 200, top: 0, right: 300, bottom: 10 },
        { columns: 1, rows: 1 },
        { width: 100, height: 100 },
        4,
        4,
      ),
    ).toThrow(/not on the canvas/);
  });
});

describe('parseImageRect', () => {
  it('reads the viewport attribute and refuses anything else', () => {
    expect(parseImageRect('1.5 2 301.5 402')).toEqual({ left: 1.5, top: 2, right: 301.5, bottom: 402 });
    expect(() => parseImageRect(null)).toThrow();
    expect(() => parseImageRect('1 2 3')).toThrow();
  });
});

describe('pearson and differences', () => {
  it('is 1 for a linear relation, −1 for an inverted one, NaN for a constant', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [255, 170, 85, 0])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNaN();
  });
  it('drops below 0.99 when an image is partly wrong', () => {
    const a = Array.from({ length: 100 }, (_, i) => i);
    const b = a.map((v, i) => (i < 20 ? 99 - v : v));
    expect(pearson(a, b)).toBeLessThan(0.99);
  });
  it('reports mean and largest absolute difference', () => {
    expect(differences([0, 10, 20], [1, 10, 14])).toEqual({ mean: 7 / 3, max: 6 });
    expect(() => differences([1], [1, 2])).toThrow();
  });
});

describe('parsePnm, ASCII', () => {
  it('reads a 16-bit ASCII PGM', () => {
    const pgm = parsePnm(new TextEncoder().encode('P2\n2 2\n65535\n0 1\n65535 300\n'));
    expect(pgm).toMatchObject({ width: 2, height: 2, channels: 1, maxValue: 65535 });
    expect(Array.from(pgm.samples)).toEqual([0, 1, 65535, 300]);
  });
});

describe('windowGrey', () => {
  it('follows the DICOM linear window, inverted for MONOCHROME1', () => {
    expect(windowGrey(-1000, { center: 40, width: 400 })).toBe(0);
    expect(windowGrey(2000, { center: 40, width: 400 })).toBe(255);
    expect(windowGrey(39.5, { center: 40, width: 400 })).toBeCloseTo(127.5);
    expect(windowGrey(39.5, { center: 40, width: 400 }, true)).toBeCloseTo(127.5);
    expect(windowGrey(-1000, { center: 40, width: 400 }, true)).toBe(255);
  });
});
