import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPatient } from '../catalog/patients';
import { REPORT_CONCEPTS } from '../catalog/studies';
import { readElements, valueOf } from '../dicom/dcmdump';
import { part10 } from '../dicom/writer';
import { radiologyReportPdf } from '../pdf/reports';
import { encapsulatedPdfInstance } from './reports';

describe('the Encapsulated PDF instance', () => {
  it('holds the PDF unchanged, with its length, title, concept and MIME type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fovea-pdf-'));
    const study = {
      key: 'ct',
      patient: demoPatient('yamada'),
      studyInstanceUID: '1.2.3',
      date: '20250314',
      time: '101500',
      description: 'CT',
      accessionNumber: 'ACC-1',
      referringPhysician: 'Grey^Meredith',
    };
    // An odd length, so that the OB value needs its padding byte.
    let pdf = radiologyReportPdf(
      {
        ...study,
        title: 'CT report',
        institution: 'Fovea',
        patientName: study.patient.name,
        patientId: 'FOV1009',
        birthDate: '19801119',
        sex: 'M',
        author: 'Okonkwo^Adaeze',
      },
      ['Normal.'],
      'Normal study.',
      '20250314101500',
    );
    if (pdf.length % 2 === 0) pdf = Buffer.concat([pdf, Buffer.from('\n')]);
    const dataset = encapsulatedPdfInstance(
      study,
      { number: 90, seriesInstanceUID: '1.2.3.90', modality: 'DOC', description: 'Report' },
      {
        pdf,
        title: 'CT report',
        concept: REPORT_CONCEPTS.radiology,
        sources: [{ sopClassUID: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUID: '1.2.3.1.1' }],
      },
      '1.2.3.90.1',
    );
    const file = join(dir, 'report.dcm');
    writeFileSync(file, part10(dataset));
    const elements = await readElements(file);
    expect(valueOf(elements, 'SOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.104.1');
    expect(valueOf(elements, 'MIMETypeOfEncapsulatedDocument')).toBe('application/pdf');
    expect(valueOf(elements, 'DocumentTitle')).toBe('CT report');
    expect(valueOf(elements, 'CodeValue')).toBe('18748-4');
    expect(valueOf(elements, 'EncapsulatedDocumentLength')).toBe(String(pdf.length));
    expect(valueOf(elements, 'ReferencedSOPInstanceUID')).toBe('1.2.3.1.1');
    expect(elements.find((e) => e.keyword === 'EncapsulatedDocument')?.vr).toBe('OB');
    // dcmtk's own extractor gives back the PDF byte for byte (it trims the padding by the length).
    execFileSync('dcm2pdf', [file, join(dir, 'out.pdf')]);
    expect(readFileSync(join(dir, 'out.pdf')).equals(pdf)).toBe(true);
  });
});
