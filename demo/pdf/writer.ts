/**
 * A small deterministic PDF 1.4 writer for the demo reports: Helvetica text, lines, rectangles and
 * circles on A4 pages, with a cross-reference table whose offsets any reader can trust. The same
 * input gives the same bytes (no time stamps, no random IDs).
 */

export type Grey = number; // 0 = black … 1 = white
export type Rgb = readonly [number, number, number];
export type Colour = Grey | Rgb;

export interface TextOptions {
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  colour?: Colour;
}

export interface ShapeOptions {
  fill?: Colour;
  stroke?: Colour;
  lineWidth?: number;
}

export const A4 = { width: 595, height: 842 } as const;

/** Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for ASCII 32–126, from the Adobe AFM files. */
const WIDTHS = {
  regular: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
    500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
    556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
    556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
    333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
};

/** Characters of Windows-1252 (the fonts' WinAnsiEncoding) above 0x7F that are not Latin-1. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/**
 * The text as WinAnsi bytes. Characters the standard fonts cannot show lose their accents where
 * that helps (ễ → e) and become "?" otherwise; reports print the Latin form of names for this reason.
 */
export function toWinAnsi(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (WIN_ANSI_EXTRA[char] !== undefined) bytes.push(WIN_ANSI_EXTRA[char]);
    else {
      const base = char.normalize('NFD')[0]!;
      const composed = char.normalize('NFD').slice(0, 2).normalize('NFC');
      const fallback = [composed, base].find(
        (c) => c.length === 1 && c.codePointAt(0)! <= 0xff && c.codePointAt(0)! >= 0x20,
      );
      bytes.push(fallback ? fallback.codePointAt(0)! : 0x3f);
    }
  }
  return bytes;
}

/** Width of the text in points at a font size. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const byte of toWinAnsi(text)) {
    const base = byte <= 0x7e ? byte : (String.fromCharCode(byte).normalize('NFD').charCodeAt(0) ?? 0x6e);
    units += table[base - 32] ?? 556;
  }
  return (units * size) / 1000;
}

/** A PDF string literal: ASCII only, with parentheses and backslashes escaped and other bytes in octal. */
function literal(text: string): string {
  return `(${toWinAnsi(text)
    .map((b) => {
      if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
      if (b < 0x20 || b > 0x7e) return `\\${b.toString(8).padStart(3, '0')}`;
      return String.fromCharCode(b);
    })
    .join('')})`;
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const colourOp = (colour: Colour, stroke: boolean) =>
  typeof colour === 'number'
    ? `${num(colour)} ${stroke ? 'G' : 'g'}`
    : `${colour.map(num).join(' ')} ${stroke ? 'RG' : 'rg'}`;

/** One page, drawn with PDF user-space coordinates (points, origin bottom left). */
export class PdfPage {
  readonly ops: string[] = [];

  text(x: number, y: number, size: number, text: string, options: TextOptions = {}): this {
    const width = textWidth(text, size, options.bold);
    const left = options.align === 'center' ? x - width / 2 : options.align === 'right' ? x - width : x;
    this.ops.push(
      `${colourOp(options.colour ?? 0, false)} BT /${options.bold ? 'F2' : 'F1'} ${num(size)} Tf ${num(left)} ${num(y)} Td ${literal(text)} Tj ET`,
    );
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, options: ShapeOptions = {}): this {
    this.ops.push(
      `${colourOp(options.stroke ?? 0, true)} ${num(options.lineWidth ?? 0.5)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`,
    );
    return this;
  }

  rect(x: number, y: number, width: number, height: number, options: ShapeOptions = {}): this {
    return this.path(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re`, options);
  }

  /** A circle from four Bézier arcs. */
  circle(cx: number, cy: number, r: number, options: ShapeOptions = {}): this {
    const k = 0.5523 * r;
    return this.path(
      [
        `${num(cx + r)} ${num(cy)} m`,
        `${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`,
        `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`,
        `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`,
        `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c h`,
      ].join(' '),
      options,
    );
  }

  private path(path: string, { fill, stroke, lineWidth }: ShapeOptions): this {
    const paint = fill !== undefined && stroke !== undefined ? 'B' : fill !== undefined ? 'f' : 'S';
    const colours = [
      fill !== undefined ? colourOp(fill, false) : '',
      colourOp(stroke ?? 0, true),
      `${num(lineWidth ?? 0.5)} w`,
    ].filter(Boolean);
    this.ops.push(`${colours.join(' ')} ${path} ${paint}`);
    return this;
  }
}

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  /** PDF date without time zone, e.g. "20250915103000"; fixed so that output is reproducible. */
  created?: string;
}

/** The PDF file. Objects: 1 catalog, 2 page tree, 3–4 fonts, 5 info, then a content stream and a page per page. */
export function buildPdf(info: PdfInfo, pages: PdfPage[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // returns the new object's number (1-based)
  const catalog = add('');
  const pageTree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const entries = [
    `/Title ${literal(info.title)}`,
    info.author ? `/Author ${literal(info.author)}` : '',
    info.subject ? `/Subject ${literal(info.subject)}` : '',
    '/Producer (Fovea)',
    info.created ? `/CreationDate (D:${info.created})` : '',
  ].filter(Boolean);
  const infoObject = add(`<< ${entries.join(' ')} >>`);
  const kids = pages.map((page) => {
    const stream = page.ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Contents ${content} 0 R ` +
        `/Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  // A comment with bytes above 127 right after the header tells transfer tools the file is binary.
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, LF.
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObject} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
