import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CT, DEMO_PATIENTS } from './catalog';
import { demoIncoming } from './build';
import { demoOrders } from './orders';
import { part10 } from './part10';
import { buildPdf } from './pdf';
import { ctHounsfield } from './phantoms';
import { demoUid } from './uids';
import { pattern242, simulateVisualField } from './visualField';
import { writeWorklistFiles } from './worklist';

const dir = mkdtempSync(join(tmpdir(), 'fovea-demo-test-'));
/** dcmdump (dcmtk) is the independent reader the files are checked with. */
const dump = (file: string, ...tags: string[]) =>
  execFileSync('dcmdump', ['-Un', ...tags.flatMap((t) => ['+P', t]), file], { encoding: 'latin1' });

describe('part10', () => {
  it('writes a file dcmtk reads back, with UTF-8 names and the meta header', () => {
    const file = join(dir, 'utf8.dcm');
    writeFileSync(
      file,
      part10({
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
        SOPInstanceUID: demoUid('test/1'),
        SpecificCharacterSet: 'ISO_IR 192',
        PatientName: 'Yamada^Tarō=山田^太郎',
        PatientID: 'X1',
        Rows: 2,
        Columns: 2,
        WindowCenter: [40, -600],
        ReferencedRequestSequence: [{ AccessionNumber: 'A1' }],
        PixelData: new Int16Array([-1, 0, 1, 2]),
      }),
    );
    const text = Buffer.from(dump(file), 'latin1').toString('utf8');
    expect(text).toContain('(0002,0010) UI [1.2.840.10008.1.2.1]');
    expect(text).toContain('(0010,0010) PN [Yamada^Tarō=山田^太郎]');
    expect(text).toContain('(0028,1050) DS [40\\-600]');
    expect(text).toContain('(0008,0050) SH [A1]');
    expect(text).toContain('(7fe0,0010) OW ffff\\0000\\0001\\0002');
    expect(text).not.toMatch(/error|warning/i);
  });

  it('encodes Latin-1 names as Latin-1 bytes', () => {
    const file = join(dir, 'latin1.dcm');
    writeFileSync(
      file,
      part10({
        SOPClassUID: '1.2.3',
        SOPInstanceUID: '1.2.3.4',
        SpecificCharacterSet: 'ISO_IR 100',
        PatientName: 'Müller^Jürgen',
      }),
    );
    expect(readFileSync(file).includes(Buffer.from('M\xfcller', 'latin1'))).toBe(true);
    expect(dump(file, 'PatientName')).toContain('[M\xfcller^J\xfcrgen]');
  });

  it('refuses keywords that are not in the DICOM dictionary', () => {
    expect(() => part10({ SOPClassUID: '1.2', SOPInstanceUID: '1.2.3', PatientNmae: 'x' })).toThrow(
      /PatientNmae/,
    );
  });
});

describe('uids', () => {
  it('are stable, distinct and valid', () => {
    expect(demoUid('a')).toBe(demoUid('a'));
    expect(demoUid('a')).not.toBe(demoUid('b'));
    expect(demoUid('a')).toMatch(/^2\.25\.[1-9]\d{0,38}$/);
    expect(demoUid('a').length).toBeLessThanOrEqual(64);
  });
});

describe('CT phantom', () => {
  it('puts the ruler markers 100.8 mm apart', () => {
    const { from, to, slices, hu } = DEMO_CT.ruler;
    const distance = Math.hypot(to[0] - from[0], to[1] - from[1]) * DEMO_CT.pixelSpacingMm;
    expect(distance).toBeCloseTo(DEMO_CT.ruler.distanceMm, 6);
    expect(ctHounsfield(from[0], from[1], slices[0])).toBe(hu);
    expect(ctHounsfield(to[0], to[1], slices[1])).toBe(hu);
    expect(ctHounsfield(from[0], from[1], slices[1] + 1)).not.toBe(hu);
  });

  it('has the catalogued values at the probe points of slice 100', () => {
    for (const [x, y, expected] of DEMO_CT.probes) expect(ctHounsfield(x, y, 100)).toBe(expected);
  });
});

describe('pdf', () => {
  it('has a cross-reference table whose offsets point at the objects', () => {
    const pdf = buildPdf([{ texts: [{ x: 10, y: 10, size: 12, text: 'Hello (world)' }] }], 'Test').toString(
      'latin1',
    );
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(pdf).toContain('(Hello \\(world\\)) Tj');
  });
});

describe('visual fields', () => {
  it('uses the 54 locations of the 24-2 pattern, mirrored for the left eye', () => {
    const right = pattern242('R');
    expect(right).toHaveLength(54);
    expect(right).toContainEqual({ x: -27, y: 3 }); // nasal step of the right eye
    expect(pattern242('L')).toContainEqual({ x: 27, y: 3 });
  });

  it('puts the blind spot temporally and depresses the superior field in the arcuate defect', () => {
    const right = simulateVisualField('R', 67, 'none', 1);
    const left = simulateVisualField('L', 67, 'superior-arcuate', 2);
    expect(right.blindSpot.x).toBeGreaterThan(0);
    expect(left.blindSpot.x).toBeLessThan(0);
    const superior = left.points.filter((p) => p.y > 0).reduce((s, p) => s + p.totalDeviationDb, 0);
    const inferior = left.points.filter((p) => p.y < 0).reduce((s, p) => s + p.totalDeviationDb, 0);
    expect(superior).toBeLessThan(inferior - 50);
    expect(left.meanDeviationDb).toBeLessThan(right.meanDeviationDb);
  });
});

describe('worklist and incoming studies', () => {
  const today = new Date(2026, 10, 23);

  it('writes one MWL file per order, readable by dcmtk', async () => {
    const files = await writeWorklistFiles(join(dir, 'wl'), today);
    expect(files).toHaveLength(demoOrders(today).length);
    const text = Buffer.from(dump(files[0]!), 'latin1').toString('utf8');
    expect(text).toContain('(0040,0002) DA [20261123]');
    expect(text).toContain('(0008,0050) SH [A20261123-001]');
  });

  it('has an order for every patient and incoming studies that disagree in one way each', () => {
    const orders = demoOrders(today);
    expect(new Set(orders.map((o) => o.patient.key))).toEqual(new Set(DEMO_PATIENTS.map((p) => p.key)));
    const incoming = demoIncoming(today);
    expect(incoming.filter((i) => i.discrepancy === '')).toHaveLength(2);
    expect(incoming.filter((i) => i.discrepancy !== '').map((i) => i.discrepancy)).toEqual([
      'typo in the name',
      'day and month of birth swapped',
      'no accession number',
      'patient ID with transposed digits',
      'name typed without accents',
    ]);
  });
});
