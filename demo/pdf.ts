/**
 * A minimal PDF 1.4 writer for demo reports: Helvetica text lines and rectangles on A4 pages, with a
 * correct cross-reference table so that any reader opens it.
 */
export interface PdfPage {
  texts: Array<{ x: number; y: number; size: number; text: string; bold?: boolean }>;
  boxes?: Array<{ x: number; y: number; width: number; height: number; grey: number }>;
}

const escapeText = (text: string) =>
  Buffer.from(
    text.replace(/[\\()]/g, (c) => `\\${c}`),
    'latin1',
  ).toString('latin1');

export function buildPdf(pages: PdfPage[], title: string): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const fontBold = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  );
  const info = add(`<< /Title (${escapeText(title)}) /Producer (Fovea) >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    for (const box of page.boxes ?? [])
      ops.push(`${box.grey} g ${box.x} ${box.y} ${box.width} ${box.height} re f`);
    ops.push('0 g');
    for (const t of page.texts) {
      ops.push(`BT /${t.bold ? 'F2' : 'F1'} ${t.size} Tf ${t.x} ${t.y} Td (${escapeText(t.text)}) Tj ET`);
    }
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R ` +
          `/Resources << /Font << /F1 ${font} 0 R /F2 ${fontBold} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
