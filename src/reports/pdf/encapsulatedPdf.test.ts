import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { toInstanceMetadata, type DicomJsonDataset } from '../../dicom';
import { decodeBase64, ENCAPSULATED_DOCUMENT_TAG, encapsulatedPdfOf, looksLikePdf } from './encapsulatedPdf';

const dcmjs = createRequire(import.meta.url)('dcmjs') as {
  data: { DicomMetaDictionary: { nameMap: Record<string, { tag: string; vr: string }> } };
};

const instance = (extra: DicomJsonDataset) =>
  toInstanceMetadata({
    '0020000D': { vr: 'UI', Value: ['1.2.3'] },
    '0020000E': { vr: 'UI', Value: ['1.2.3.4'] },
    '00080018': { vr: 'UI', Value: ['1.2.3.4.5'] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Müller^Jürgen' }] },
    '00080023': { vr: 'DA', Value: ['20250915'] },
    '00420010': { vr: 'ST', Value: ['Visual field report'] },
    '00420012': { vr: 'LO', Value: ['application/pdf'] },
    ...extra,
  });

describe('encapsulatedPdfOf', () => {
  it('uses the tag of Encapsulated Document in the DICOM dictionary', () => {
    const entry = dcmjs.data.DicomMetaDictionary.nameMap.EncapsulatedDocument!;
    expect(entry.tag.replace(/[(),]/g, '')).toBe(ENCAPSULATED_DOCUMENT_TAG);
    expect(entry.vr).toBe('OB');
  });

  it('finds the bulk data and names the file after patient, date and title', () => {
    const pdf = encapsulatedPdfOf(
      instance({ '00420011': { vr: 'OB', BulkDataURI: 'http://x/bulk/00420011' } }),
    );
    expect(pdf.source).toEqual({ kind: 'bulk', uri: 'http://x/bulk/00420011' });
    expect(pdf.fileName).toBe('MÜLLER_Jürgen_2025-09-15_Visual_field_report.pdf');
    expect(pdf.title).toBe('Visual field report');
  });

  it('reads a PDF given inline', () => {
    const pdf = encapsulatedPdfOf(instance({ '00420011': { vr: 'OB', InlineBinary: btoa('%PDF-1.4 x') } }));
    expect(pdf.source.kind).toBe('inline');
    expect(looksLikePdf(decodeBase64((pdf.source as { base64: string }).base64))).toBe(true);
  });

  it('says so when the document is missing or not a PDF', () => {
    expect(() => encapsulatedPdfOf(instance({}))).toThrow(/without its PDF/);
    expect(() =>
      encapsulatedPdfOf(
        instance({
          '00420012': { vr: 'LO', Value: ['text/xml'] },
          '00420011': { vr: 'OB', InlineBinary: '' },
        }),
      ),
    ).toThrow(/not a PDF/);
  });

  it('tells PDF bytes from others', () => {
    expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<html>'))).toBe(false);
  });
});
