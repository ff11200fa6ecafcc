import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_THICKNESS_MAP } from '../catalog/images';
import { demoStudy } from '../catalog/studies';
import { readElements, valueOf } from '../dicom/dcmdump';
import { part10 } from '../dicom/writer';
import { archiveInstances } from './archive';

// The thickness map as dcmtk reads it: a PALETTE COLOR image whose palette dcm2pnm applies to give
// the colours the catalog promises, pixel for pixel.

const dir = mkdtempSync(join(tmpdir(), 'fovea-thickness-map-'));
const study = demoStudy(DEMO_THICKNESS_MAP.studyKey);
const series = study.series.find((s) => s.number === DEMO_THICKNESS_MAP.seriesNumber)!;

function thicknessMapFile(): string {
  for (const { dataset } of archiveInstances()) {
    if (dataset.SeriesInstanceUID !== series.seriesInstanceUID) continue;
    const file = join(dir, 'thickness-map.dcm');
    writeFileSync(file, part10(dataset));
    return file;
  }
  throw new Error('The archive has no thickness map');
}

/** dcm2pnm's rendering as 8-bit RGB triplets, row by row. */
function rendered(file: string): { width: number; height: number; rgb: Uint8Array } {
  const out = join(dir, 'thickness-map.ppm');
  execFileSync('dcm2pnm', ['--write-raw-pnm', file, out]);
  const bytes = readFileSync(out);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString('latin1', 0, 64));
  if (!header) throw new Error('dcm2pnm did not write an 8-bit colour PPM');
  const [, width, height] = header.map(Number) as [number, number, number];
  return { width, height, rgb: bytes.subarray(header[0].length) };
}

describe('the macular thickness map', () => {
  const file = thicknessMapFile();

  it('is a PALETTE COLOR Secondary Capture with a 256-entry, 16-bit palette', async () => {
    const elements = await readElements(file);
    expect(valueOf(elements, 'SOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.7');
    expect(valueOf(elements, 'PhotometricInterpretation')).toBe('PALETTE COLOR');
    expect(valueOf(elements, 'BitsAllocated')).toBe('8');
    for (const colour of ['Red', 'Green', 'Blue']) {
      const descriptor = elements.find((e) => e.keyword === `${colour}PaletteColorLookupTableDescriptor`);
      expect(descriptor, colour).toMatchObject({ vr: 'US', value: '256\\0\\16' });
      const data = elements.find((e) => e.keyword === `${colour}PaletteColorLookupTableData`);
      expect(data?.vr, colour).toBe('OW');
    }
    expect(series.modality).toBe('OT');
  });

  it('decodes in dcmtk to the colours of the catalog', () => {
    const { width, height, rgb } = rendered(file);
    expect([width, height]).toEqual([DEMO_THICKNESS_MAP.columns, DEMO_THICKNESS_MAP.rows]);
    for (const [column, row, , colour, what] of DEMO_THICKNESS_MAP.probes) {
      const at = (row * width + column) * 3;
      expect([...rgb.subarray(at, at + 3)], what).toEqual(colour);
    }
  });

  it('has the colour scale of the catalog at every pixel', () => {
    const { width, height, rgb } = rendered(file);
    const stored = dcmtkStoredValues(file);
    const scale = DEMO_THICKNESS_MAP.palette;
    const seen = new Set<number>();
    const wrong: string[] = [];
    for (let i = 0; i < width * height; i++) {
      const value = stored[i]!;
      seen.add(value);
      const upper = scale.findIndex(([at]) => at >= value);
      const [v1, c1] = scale[upper]!;
      const [v0, c0] = scale[Math.max(0, upper - 1)]!;
      const t = v1 === v0 ? 1 : (value - v0) / (v1 - v0);
      const expected = [0, 1, 2].map((c) => Math.round(c0[c]! + t * (c1[c]! - c0[c]!)));
      const got = [...rgb.subarray(i * 3, i * 3 + 3)];
      if (got.some((v, c) => v !== expected[c]))
        wrong.push(`pixel ${i % width}, ${Math.floor(i / width)} (value ${value}): ${got} not ${expected}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The map uses a good part of the scale, not a handful of colours.
    expect(seen.size).toBeGreaterThan(100);
  });
});

/** The stored values as dcmtk reads them: the same file with the palette ignored (grey, no window). */
function dcmtkStoredValues(file: string): Uint8Array {
  const grey = join(dir, 'thickness-map-values.dcm');
  copyFileSync(file, grey);
  execFileSync('dcmodify', ['-nb', '-m', '(0028,0004)=MONOCHROME2', grey]);
  const out = join(dir, 'thickness-map-values.pgm');
  execFileSync('dcm2pnm', ['--write-raw-pnm', '--no-windowing', grey, out]);
  const bytes = readFileSync(out);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString('latin1', 0, 64));
  if (!header) throw new Error('dcm2pnm did not write an 8-bit grey PGM');
  return bytes.subarray(header[0].length);
}
