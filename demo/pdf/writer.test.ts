import { describe, expect, it } from 'vitest';
import { demoVisualField } from '../catalog/visualFields';
import { printedName, radiologyReportPdf, visualFieldReportPdf, type ReportHeader } from './reports';
import { buildPdf, PdfPage, textWidth, toWinAnsi } from './writer';

/**
 * Reads a PDF the way a viewer starts to: from the end. Checks the cross-reference table, every object
 * offset, every stream length and the page tree, and returns each page's text (the Tj strings).
 */
function readPdf(pdf: Buffer): { pages: string[][]; info: string } {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  const tail = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  expect(tail).not.toBeNull();
  const xref = Number(tail![1]);
  const table = /^xref\n0 (\d+)\n/.exec(text.slice(xref));
  expect(table).not.toBeNull();
  const size = Number(table![1]);
  const entries = text.slice(xref + table![0].length, xref + table![0].length + 20 * size);
  expect(entries.slice(0, 20)).toBe('0000000000 65535 f \n');
  const objects = new Map<number, string>();
  for (let i = 1; i < size; i++) {
    const entry = entries.slice(20 * i, 20 * i + 20);
    expect(entry).toMatch(/^\d{10} 00000 n \n$/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${i} 0 obj\n`.length)).toBe(`${i} 0 obj\n`);
    const end = text.indexOf('\nendobj\n', offset);
    objects.set(i, text.slice(offset + `${i} 0 obj\n`.length, end));
  }
  const trailer = text.slice(xref + table![0].length + 20 * size);
  expect(trailer).toContain(`/Size ${size}`);
  const object = (ref: string) => objects.get(Number(/(\d+) 0 R/.exec(ref)![1]))!;
  const root = object(/\/Root (\d+ 0 R)/.exec(trailer)![1]!);
  const tree = object(/\/Pages (\d+ 0 R)/.exec(root)![1]!);
  const kids = [...tree.matchAll(/(\d+) 0 R/g)].map((m) => `${m[1]} 0 R`);
  expect(tree).toContain(`/Count ${kids.length}`);
  const pages = kids.map((kid) => {
    const page = object(kid);
    expect(page).toContain('/Type /Page');
    const content = object(/\/Contents (\d+ 0 R)/.exec(page)![1]!);
    const length = Number(/\/Length (\d+)/.exec(content)![1]);
    const start = content.indexOf('stream\n') + 'stream\n'.length;
    expect(content.slice(start + length)).toBe('\nendstream');
    const stream = content.slice(start, start + length);
    return [...stream.matchAll(/\(((?:[^()\\]|\\.)*)\) Tj/g)].map((m) =>
      m[1]!.replace(/\\([0-7]{3}|.)/g, (_, c: string) =>
        c.length === 3 ? String.fromCharCode(parseInt(c, 8)) : c,
      ),
    );
  });
  return { pages, info: object(/\/Info (\d+ 0 R)/.exec(trailer)![1]!) };
}

const HEADER: ReportHeader = {
  title: 'CT chest',
  institution: 'Fovea Eye & Imaging Clinic',
  patientName: 'Nguyễn^Thị Lan',
  patientId: 'FOV1006',
  birthDate: '19920111',
  sex: 'F',
  date: '20250314',
  time: '101500',
  accessionNumber: 'ACC-1',
  referringPhysician: 'Grey^Meredith',
  author: 'Okonkwo^Adaeze^^Dr.',
};

describe('the PDF writer', () => {
  it('writes a cross-reference table whose offsets point at the objects, and exact stream lengths', () => {
    const page = new PdfPage()
      .text(50, 800, 12, 'Hello (world) \\ back')
      .line(50, 790, 300, 790)
      .rect(50, 700, 100, 50, { fill: [1, 0.5, 0] })
      .circle(200, 725, 20, { stroke: 0 });
    const { pages, info } = readPdf(
      buildPdf({ title: 'Test', created: '20250101120000' }, [page, new PdfPage().text(1, 1, 9, 'two')]),
    );
    expect(pages).toEqual([['Hello (world) \\ back'], ['two']]);
    expect(info).toContain('/Title (Test)');
    expect(info).toContain('/CreationDate (D:20250101120000)');
  });

  it('gives the same bytes for the same input', () => {
    const make = () => buildPdf({ title: 'Same' }, [new PdfPage().text(10, 10, 10, 'Müller')]);
    expect(make().equals(make())).toBe(true);
  });

  it('encodes text in WinAnsi, keeping Latin-1, dropping accents it cannot show, and keeps streams ASCII', () => {
    expect(toWinAnsi('Hélène')).toEqual([...Buffer.from('Hélène', 'latin1')]);
    expect(String.fromCharCode(...toWinAnsi('Nguyễn Thị'))).toBe('Nguyên Thi');
    expect(String.fromCharCode(...toWinAnsi('山田 – €'))).toBe('?? \x96 \x80');
    const pdf = buildPdf({ title: 'x' }, [new PdfPage().text(1, 1, 10, 'Åsa Lindqvist')]);
    const body = pdf.subarray(15); // after the binary comment of the header
    expect(body.every((b) => b < 0x80)).toBe(true);
    expect(readPdf(pdf).pages[0]).toEqual(['\xc5sa Lindqvist']);
  });

  it('measures Helvetica text for alignment', () => {
    expect(textWidth('0000', 10)).toBeCloseTo(22.24, 2);
    expect(textWidth('W', 10, true)).toBeCloseTo(9.44, 2);
    expect(textWidth('é', 10)).toBe(textWidth('e', 10));
  });
});

describe('the report PDFs', () => {
  it('prints the radiology report with patient, date and findings on one page', () => {
    const pdf = radiologyReportPdf(
      HEADER,
      ['Lungs: an 11 mm nodule.', 'Liver: a cyst.'],
      'Follow-up CT in 3 months.',
      '20250314101500',
    );
    const { pages } = readPdf(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!.join('\n');
    expect(text).toContain('Nguyên, Thi Lan');
    expect(text).toContain('FOV1006');
    expect(text).toContain('2025-03-14 10:15');
    expect(text).toContain('Lungs: an 11 mm nodule.');
    expect(text).toContain('Follow-up CT in 3 months.');
    expect(text).toContain('Signed: Okonkwo, Dr. Adaeze');
  });

  it('prints one page per eye of the visual field report, with the catalogued values', () => {
    const od = demoVisualField('mueller-2025-od');
    const os = demoVisualField('mueller-2025-os');
    const pdf = visualFieldReportPdf(
      { ...HEADER, title: 'Visual field report', patientName: 'Müller^Jürgen' },
      [
        { result: od, interpretation: 'OD normal.' },
        { result: os, interpretation: 'OS arcuate.' },
      ],
      '20250915103000',
    );
    const { pages } = readPdf(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Single field analysis - Right eye (OD)');
    expect(pages[1]).toContain('Single field analysis - Left eye (OS)');
    expect(pages[0]).toContain('M\xfcller, J\xfcrgen');
    // Every threshold of the left eye is printed at its location, and the global indices below.
    const numbers = pages[1]!
      .filter((t) => /^\d+$/.test(t))
      .slice(0, os.points.length)
      .map(Number);
    expect(numbers).toEqual(os.points.map((p) => p.sensitivityDb));
    expect(pages[1]!.some((t) => t.startsWith(`MD  ${os.meanDeviationDb.toFixed(2)} dB`))).toBe(true);
    expect(pages[1]!.some((t) => t.startsWith(`PSD  ${os.patternStandardDeviationDb.toFixed(2)} dB`))).toBe(
      true,
    );
    expect(pages[1]).toContain(`VFI  ${os.visualFieldIndexPercent}%`);
    expect(pages[1]).toContain(`${os.reliability.fixationLosses}/${os.reliability.fixationChecks}`);
  });

  it('prints names from the alphabetic group of the PN', () => {
    expect(printedName('Yamada^Tarō=山田^太郎=やまだ^たろう')).toBe('Yamada, Tarō');
    expect(printedName('Smith^John^A.')).toBe('Smith, John A.');
    expect(printedName('Okonkwo^Adaeze^^Dr.')).toBe('Okonkwo, Dr. Adaeze');
  });
});
