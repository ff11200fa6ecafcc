import { describe, expect, it } from 'vitest';
import {
  getNumber,
  getNumbers,
  getPersonName,
  getSequence,
  getString,
  getStrings,
  hasAttribute,
  type DicomJsonDataset,
} from './attributes';

const dataset: DicomJsonDataset = {
  '00080060': { vr: 'CS', Value: ['CT '] },
  '00080061': { vr: 'CS', Value: ['CT', 'SR'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
  '00100020': { vr: 'LO', Value: [''] },
  '00200013': { vr: 'IS', Value: [7] },
  '00201209': { vr: 'IS', Value: ['12'] },
  '00200032': { vr: 'DS', Value: ['-125.5', -125, '10.25'] },
  '00281050': { vr: 'DS', Value: ['abc'] },
  '00081030': { vr: 'LO' },
  '7FE00010': { vr: 'OW', BulkDataURI: 'http://pacs/bulk' },
  '00081115': { vr: 'SQ', Value: [{ '0020000E': { vr: 'UI', Value: ['1.2.3'] } }] },
};

describe('DICOM JSON access', () => {
  it('reads strings by keyword or tag, trimmed', () => {
    expect(getString(dataset, 'Modality')).toBe('CT');
    expect(getString(dataset, '00080060')).toBe('CT');
    expect(getStrings(dataset, 'ModalitiesInStudy')).toEqual(['CT', 'SR']);
  });

  it('treats an empty or valueless attribute as absent', () => {
    expect(getString(dataset, 'PatientID')).toBeUndefined();
    expect(getString(dataset, 'StudyDescription')).toBeUndefined();
    expect(getString(dataset, 'AccessionNumber')).toBeUndefined();
  });

  it('reads IS and DS whether the archive wrote numbers or strings', () => {
    expect(getNumber(dataset, 'InstanceNumber')).toBe(7);
    expect(getNumber(dataset, 'NumberOfSeriesRelatedInstances')).toBe(12);
    expect(getString(dataset, 'InstanceNumber')).toBe('7');
    expect(getNumbers(dataset, 'ImagePositionPatient')).toEqual([-125.5, -125, 10.25]);
  });

  it('leaves out values that are not numbers', () => {
    expect(getNumber(dataset, 'WindowCenter')).toBeUndefined();
  });

  it('reads person names as objects or as "="-separated strings', () => {
    expect(getPersonName(dataset, 'PatientName')).toEqual({ Alphabetic: 'Doe^Jane' });
    expect(
      getPersonName(
        { '00100010': { vr: 'PN', Value: ['Yamada^Tarou=山田^太郎=やまだ^たろう'] } },
        'PatientName',
      ),
    ).toEqual({ Alphabetic: 'Yamada^Tarou', Ideographic: '山田^太郎', Phonetic: 'やまだ^たろう' });
  });

  it('sees bulk data as present', () => {
    expect(hasAttribute(dataset, 'PixelData')).toBe(true);
    expect(hasAttribute(dataset, 'FloatPixelData')).toBe(false);
  });

  it('reads sequence items', () => {
    const items = getSequence(dataset, '00081115');
    expect(items).toHaveLength(1);
    expect(getString(items[0]!, 'SeriesInstanceUID')).toBe('1.2.3');
    expect(getSequence(dataset, 'Modality')).toEqual([]);
  });
});
