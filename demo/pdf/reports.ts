import type { VisualFieldResult } from '../visualField/model';
import { A4, buildPdf, PdfPage } from './writer';

// Page layouts of the demo reports. They take plain values, so that a report says exactly what the
// DICOM instances next to it hold.

export interface ReportHeader {
  title: string;
  institution: string;
  /** DICOM PN; the alphabetic group is printed (the standard PDF fonts have no CJK, Greek, …). */
  patientName: string;
  patientId: string;
  birthDate: string;
  sex: string;
  /** DICOM DA and TM of the examination. */
  date: string;
  time: string;
  accessionNumber: string;
  referringPhysician: string;
  /** DICOM PN of the person who signed the report. */
  author: string;
}

/** "Family, Given Middle" from the alphabetic group of a DICOM PN. */
export function printedName(pn: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = (pn.split('=')[0] ?? '').split(
    '^',
  );
  const first = [prefix, given, middle].filter(Boolean).join(' ');
  return [family, first].filter(Boolean).join(', ') + (suffix ? ` ${suffix}` : '');
}

export const printedDate = (da: string) =>
  da.length === 8 ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : da;
const printedTime = (tm: string) => `${tm.slice(0, 2)}:${tm.slice(2, 4)}`;
const MARGIN = 50;
const FOOTER = 'Fovea demonstration data - synthetic patient, not for clinical use.';

function header(page: PdfPage, report: ReportHeader, subtitle: string): number {
  page.rect(0, A4.height - 70, A4.width, 70, { fill: [0.12, 0.23, 0.36] });
  page.text(MARGIN, A4.height - 38, 18, report.title, { bold: true, colour: 1 });
  page.text(MARGIN, A4.height - 56, 10, subtitle, { colour: 0.85 });
  page.text(A4.width - MARGIN, A4.height - 38, 10, report.institution, { align: 'right', colour: 1 });
  let y = A4.height - 95;
  const row = (label: string, value: string, x: number) => {
    page.text(x, y, 9, label, { colour: 0.35 });
    page.text(x + 70, y, 10, value, { bold: label === 'Patient' });
  };
  row('Patient', printedName(report.patientName), MARGIN);
  row('Patient ID', report.patientId, 330);
  y -= 15;
  row('Born', `${printedDate(report.birthDate)}  (${report.sex})`, MARGIN);
  row('Accession', report.accessionNumber || '(none)', 330);
  y -= 15;
  row('Examined', `${printedDate(report.date)} ${printedTime(report.time)}`, MARGIN);
  row('Referrer', printedName(report.referringPhysician), 330);
  y -= 12;
  page.line(MARGIN, y, A4.width - MARGIN, y, { stroke: 0.6 });
  return y - 22;
}

function footer(page: PdfPage, report: ReportHeader, pageNumber: number, pages: number) {
  page.line(MARGIN, 60, A4.width - MARGIN, 60, { stroke: 0.6 });
  page.text(MARGIN, 46, 9, `Signed: ${printedName(report.author)}`);
  page.text(A4.width - MARGIN, 46, 9, `Page ${pageNumber} of ${pages}`, { align: 'right' });
  page.text(MARGIN, 32, 8, FOOTER, { colour: 0.4 });
}

/** Splits text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-page radiology report: findings and impression. */
export function radiologyReportPdf(
  report: ReportHeader,
  findings: string[],
  impression: string,
  created: string,
): Buffer {
  const page = new PdfPage();
  let y = header(page, report, 'Radiology report');
  page.text(MARGIN, y, 12, 'Findings', { bold: true });
  y -= 18;
  for (const finding of findings) {
    wrap(finding, 95).forEach((line, i) => {
      if (i === 0) page.circle(MARGIN + 4, y + 3, 1.5, { fill: 0 });
      page.text(MARGIN + 12, y, 10, line);
      y -= 14;
    });
    y -= 4;
  }
  y -= 10;
  page.text(MARGIN, y, 12, 'Impression', { bold: true });
  y -= 18;
  for (const line of wrap(impression, 95)) {
    page.text(MARGIN, y, 10, line, { bold: true });
    y -= 14;
  }
  footer(page, report, 1, 1);
  return buildPdf(
    { title: report.title, author: printedName(report.author), subject: 'Radiology report', created },
    [page],
  );
}

/** The probability class a printout shows for a p-value in percent, or '' when not significant. */
export function probabilityClass(p: number): '<0.5%' | '<1%' | '<2%' | '<5%' | '' {
  if (p < 0.5) return '<0.5%';
  if (p < 1) return '<1%';
  if (p < 2) return '<2%';
  if (p < 5) return '<5%';
  return '';
}

const SYMBOL_GREY: Record<string, number> = { '<5%': 0.75, '<2%': 0.5, '<1%': 0.25, '<0.5%': 0 };
const DEGREE = 2.9; // points per degree in the maps
const ROW = 48 * DEGREE + 22; // height of a row of maps

/** A map of the test locations: axes through fixation and a mark per location. */
function fieldMap(
  page: PdfPage,
  cx: number,
  cy: number,
  title: string,
  field: VisualFieldResult,
  mark: (x: number, y: number, index: number) => void,
) {
  page.text(cx, cy + 24 * DEGREE + 5, 9, title, { bold: true, align: 'center' });
  page.line(cx - 30 * DEGREE, cy, cx + 30 * DEGREE, cy, { stroke: 0.55 });
  page.line(cx, cy - 24 * DEGREE, cx, cy + 24 * DEGREE, { stroke: 0.55 });
  field.points.forEach((p, i) => mark(cx + p.x * DEGREE, cy + p.y * DEGREE, i));
}

/** One page per eye, laid out like a single field analysis printout. */
function visualFieldPage(report: ReportHeader, field: VisualFieldResult, interpretation: string): PdfPage {
  const page = new PdfPage();
  const eye = field.eye === 'R' ? 'Right eye (OD)' : 'Left eye (OS)';
  let y = header(page, report, `Single field analysis - ${eye}`);
  const minutes = Math.floor(field.durationSeconds / 60);
  const seconds = String(field.durationSeconds % 60).padStart(2, '0');
  const facts: Array<[string, string]> = [
    ['Eye', eye],
    ['Test', `Central ${field.pattern} threshold, ${field.strategy}`],
    ['Stimulus', 'III, white; background 31.5 asb'],
    ['Duration', `${minutes}:${seconds}`],
    ['Fixation losses', `${field.reliability.fixationLosses}/${field.reliability.fixationChecks}`],
    ['False positives', `${field.falsePositivePercent}%`],
    ['False negatives', `${field.falseNegativePercent}%`],
    ['Fovea', `${field.fovealSensitivityDb} dB`],
  ];
  facts.forEach(([label, value], i) => {
    const x = i < 4 ? MARGIN : 330;
    const row = y - (i % 4) * 13;
    page.text(x, row, 9, label, { colour: 0.35 });
    page.text(x + 85, row, 9, value);
  });
  y -= 4 * 13 + 10;

  const left = MARGIN + 40 + 30 * DEGREE;
  const right = A4.width - MARGIN - 40 - 30 * DEGREE;
  let cy = y - 24 * DEGREE - 14;
  fieldMap(page, left, cy, 'Threshold (dB)', field, (x, yy, i) =>
    page.text(x, yy - 2.5, 7, String(field.points[i]!.sensitivityDb), { align: 'center' }),
  );
  fieldMap(page, right, cy, 'Grey scale', field, (x, yy, i) => {
    const level = Math.min(1, Math.max(0, field.points[i]!.sensitivityDb / 35));
    page.rect(x - 3 * DEGREE, yy - 3 * DEGREE, 6 * DEGREE, 6 * DEGREE, { fill: Math.round(level * 10) / 10 });
  });
  cy -= ROW;
  fieldMap(page, left, cy, 'Total deviation (dB)', field, (x, yy, i) =>
    page.text(x, yy - 2.5, 7, String(Math.round(field.points[i]!.totalDeviationDb)), { align: 'center' }),
  );
  fieldMap(page, right, cy, 'Pattern deviation (dB)', field, (x, yy, i) =>
    page.text(x, yy - 2.5, 7, String(Math.round(field.points[i]!.patternDeviationDb)), { align: 'center' }),
  );
  cy -= ROW;
  const symbols = (probability: (i: number) => number) => (x: number, yy: number, i: number) => {
    const grey = SYMBOL_GREY[probabilityClass(probability(i))];
    if (grey === undefined) page.circle(x, yy, 0.9, { fill: 0 });
    else page.rect(x - 4, yy - 4, 8, 8, { fill: grey, stroke: 0, lineWidth: 0.3 });
  };
  fieldMap(
    page,
    left,
    cy,
    'Total deviation probability',
    field,
    symbols((i) => field.points[i]!.totalDeviationProbability),
  );
  fieldMap(
    page,
    right,
    cy,
    'Pattern deviation probability',
    field,
    symbols((i) => field.points[i]!.patternDeviationProbability),
  );
  y = cy - 24 * DEGREE - 16;
  let x = MARGIN;
  for (const label of ['<5%', '<2%', '<1%', '<0.5%']) {
    page.rect(x, y - 1, 8, 8, { fill: SYMBOL_GREY[label]!, stroke: 0, lineWidth: 0.3 });
    page.text(x + 12, y, 8, `P ${label}`);
    x += 60;
  }
  y -= 22;
  const p = (value: number) => (probabilityClass(value) ? `  P ${probabilityClass(value)}` : '');
  page.text(MARGIN, y, 10, `MD  ${field.meanDeviationDb.toFixed(2)} dB${p(field.meanDeviationProbability)}`, {
    bold: true,
  });
  page.text(
    MARGIN + 170,
    y,
    10,
    `PSD  ${field.patternStandardDeviationDb.toFixed(2)} dB${p(field.patternStandardDeviationProbability)}`,
    {
      bold: true,
    },
  );
  page.text(MARGIN + 350, y, 10, `VFI  ${field.visualFieldIndexPercent}%`, { bold: true });
  y -= 20;
  for (const line of wrap(interpretation, 100)) {
    page.text(MARGIN, y, 10, line);
    y -= 13;
  }
  return page;
}

/** The visual field report: one page per eye, in the order given. */
export function visualFieldReportPdf(
  report: ReportHeader,
  fields: ReadonlyArray<{ result: VisualFieldResult; interpretation: string }>,
  created: string,
): Buffer {
  const pages = fields.map(({ result, interpretation }, i) => {
    const page = visualFieldPage(report, result, interpretation);
    footer(page, report, i + 1, fields.length);
    return page;
  });
  return buildPdf(
    { title: report.title, author: printedName(report.author), subject: 'Visual field report', created },
    pages,
  );
}
