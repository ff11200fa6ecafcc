import { describe, expect, it } from 'vitest';
import { DEMO_CR, DEMO_CT, DEMO_FUNDUS, DEMO_MR, DEMO_US } from '../catalog/images';
import { demoPatient } from '../catalog/patients';
import { ctImage } from '../instances/images';
import { chestRadiograph } from './cr';
import { ctHounsfield, ctSlice } from './ct';
import { fundusPhoto } from './fundus';
import { mrSlice, mrTissue } from './mr';
import { ultrasoundFrame } from './us';

const at = (slice: Int16Array, x: number, y: number) =>
  slice[y * DEMO_CT.columns + x]! + DEMO_CT.rescaleIntercept;

describe('the CT phantom', () => {
  it('has ruler markers whose centres are 100.8 mm apart (144 pixels of 0.7 mm)', () => {
    const { from, to, distanceMm, hu, slices } = DEMO_CT.ruler;
    const pixels = Math.hypot(to[0] - from[0], to[1] - from[1]);
    expect(pixels).toBe(144);
    expect(pixels * DEMO_CT.pixelSpacingMm).toBeCloseTo(distanceMm, 10);
    for (const z of [slices[0], 100, slices[1]]) {
      const slice = ctSlice(z);
      for (const [mx, my] of [from, to]) {
        // A 3×3 block of 1500 HU, and not one pixel more.
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) {
            const inside = Math.abs(dx) <= 1 && Math.abs(dy) <= 1;
            expect(at(slice, mx + dx, my + dy) === hu).toBe(inside);
          }
      }
    }
    expect(at(ctSlice(slices[0] - 1), from[0], from[1])).not.toBe(hu);
    expect(at(ctSlice(slices[1] + 1), to[0], to[1])).not.toBe(hu);
  });

  it('puts the markers 100.8 mm apart in patient coordinates too', () => {
    const study = {
      key: 'ct',
      patient: demoPatient('mueller'),
      studyInstanceUID: '1.2',
      date: '20250101',
      time: '000000',
      description: '',
      accessionNumber: '',
      referringPhysician: '',
    };
    const dataset = ctImage(
      study,
      { number: 1, seriesInstanceUID: '1.2.3', modality: 'CT', description: '' },
      100,
      '1.2.3.4',
    );
    const [x0, y0] = dataset.ImagePositionPatient as number[];
    const [rowSpacing, columnSpacing] = dataset.PixelSpacing as number[];
    const position = ([column, row]: readonly [number, number]) => [
      x0! + column * columnSpacing!,
      y0! + row * rowSpacing!,
    ];
    const a = position(DEMO_CT.ruler.from);
    const b = position(DEMO_CT.ruler.to);
    expect(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!)).toBeCloseTo(100.8, 6);
  });

  it('has the catalogued Hounsfield values at the probes and landmarks', () => {
    const slice = ctSlice(DEMO_CT.probeSlice);
    for (const [x, y, hu] of DEMO_CT.probes) {
      expect(at(slice, x, y)).toBe(hu);
      expect(ctHounsfield(x, y, DEMO_CT.probeSlice)).toBe(hu);
    }
    for (const [x, y, z, hu] of DEMO_CT.landmarks) expect(at(ctSlice(z), x, y)).toBe(hu);
  });

  it('paints the same image as the point-by-point definition', () => {
    for (const z of [21, 65, 100, 175]) {
      const slice = ctSlice(z);
      const mismatches: string[] = [];
      for (let y = 0; y < DEMO_CT.rows; y += 4)
        for (let x = 0; x < DEMO_CT.columns; x += 4)
          if (at(slice, x, y) !== ctHounsfield(x, y, z)) mismatches.push(`${x},${y},${z}`);
      expect(mismatches).toEqual([]);
    }
  });

  it('stores strongly negative values outside the reconstruction circle', () => {
    const slice = ctSlice(0);
    expect(slice[0]).toBe(DEMO_CT.paddingStoredValue);
    expect(DEMO_CT.paddingStoredValue).toBeLessThan(0);
    expect(DEMO_CT.paddingStoredValue + DEMO_CT.rescaleIntercept).toBe(DEMO_CT.paddingHu);
  });

  it('changes visibly within ten slices', () => {
    const a = ctSlice(100);
    const b = ctSlice(110);
    let differing = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    expect(differing).toBeGreaterThan(1000);
  });
});

describe('the MR phantom', () => {
  it('has the catalogued tissue values, with white matter above 32767', () => {
    const slice = mrSlice(DEMO_MR.probeSlice);
    for (const [x, y, value] of DEMO_MR.probes) {
      expect(mrTissue(x, y, DEMO_MR.probeSlice)).toBe(value);
      expect(Math.abs(slice[y * DEMO_MR.columns + x]! - value)).toBeLessThanOrEqual(DEMO_MR.textureAmplitude);
    }
    expect(slice.reduce((max, v) => Math.max(max, v), 0)).toBeGreaterThan(32767);
  });

  it('shows a smaller head at the ends of the series', () => {
    const area = (z: number) => mrSlice(z).filter((v) => v > 0).length;
    expect(area(0)).toBeLessThan(area(DEMO_MR.probeSlice) * 0.6);
  });
});

describe('the chest radiograph', () => {
  it('has 12-bit values where the catalogue says, darkest (highest) in air and lowest under lead', () => {
    const image = chestRadiograph();
    expect(image.reduce((max, v) => Math.max(max, v), 0)).toBeLessThan(4096);
    for (const [x, y, value] of DEMO_CR.probes)
      expect(Math.abs(image[y * DEMO_CR.columns + x]! - value)).toBeLessThanOrEqual(DEMO_CR.probeTolerance);
    const [air, lung, spine, marker] = DEMO_CR.probes.map(([, , v]) => v);
    expect(air! > lung! && lung! > spine! && spine! > marker!).toBe(true);
  });
});

describe('the ultrasound cine', () => {
  it('has frames that differ, with the chamber dark in each', () => {
    const [cx, cy] = DEMO_US.chamberCenter;
    const frames = [0, 5, 10].map(ultrasoundFrame);
    for (const frame of frames) expect(frame[cy * DEMO_US.columns + cx]!).toBeLessThan(40);
    // The chamber wall moves with the beat: a point on it at one phase is blood at another.
    let differing = 0;
    for (let i = 0; i < frames[0]!.length; i++)
      if (Math.abs(frames[0]![i]! - frames[1]![i]!) > 60) differing++;
    expect(differing).toBeGreaterThan(2000);
  });
});

describe('the fundus photograph', () => {
  const size = 256;
  const pixel = (image: Uint8Array, fx: number, fy: number) => {
    const i = (Math.round(fy * size) * size + Math.round(fx * size)) * 3;
    return [image[i]!, image[i + 1]!, image[i + 2]!];
  };
  it('is an orange-red disc of retina with a bright optic disc nasally and a darker macula', () => {
    for (const eye of ['R', 'L'] as const) {
      const image = fundusPhoto({ size, eye, cupDiscRatio: 0.3, seed: 1 });
      const [dx, dy] = DEMO_FUNDUS.disc[eye];
      // The brightest of a few points around the disc centre (a vessel may cross any one of them).
      const disc = [
        [0.03, 0.03],
        [-0.03, 0.03],
        [0.03, -0.03],
        [-0.03, -0.03],
      ]
        .map(([ox, oy]) => pixel(image, dx + ox!, dy + oy!))
        .reduce((best, p) => (p[0]! + p[1]! + p[2]! > best[0]! + best[1]! + best[2]! ? p : best));
      const macula = pixel(image, DEMO_FUNDUS.fovea[0] + 0.02, DEMO_FUNDUS.fovea[1] + 0.02);
      const retina = pixel(image, 0.5, 0.2);
      expect(pixel(image, 0.01, 0.01)).toEqual([0, 0, 0]);
      expect(retina[0]).toBeGreaterThan(retina[1]! + 60); // red over green
      expect(retina[1]).toBeGreaterThan(retina[2]!);
      expect(disc[0]! + disc[1]! + disc[2]!).toBeGreaterThan(retina[0]! + retina[1]! + retina[2]! + 150);
      expect(macula[0]! + macula[1]!).toBeLessThan(retina[0]! + retina[1]!);
    }
  });
});
