import { describe, expect, it } from 'vitest';
import { safeFileName } from './download';

describe('safeFileName', () => {
  it('joins the parts with underscores and keeps accents', () => {
    expect(safeFileName(['MÜLLER, Jürgen', '2025-09-15', 'Visual field report'], 'pdf')).toBe(
      'MÜLLER_Jürgen_2025-09-15_Visual_field_report.pdf',
    );
  });

  it('leaves out characters that file systems refuse and DICOM separators', () => {
    expect(safeFileName(['Doe^Jane', 'a/b:c*?', undefined, ''], 'png')).toBe('Doe_Jane_a_b_c.png');
  });

  it('names a document with nothing to go by', () => {
    expect(safeFileName([undefined, ' '], 'pdf')).toBe('document.pdf');
  });
});
