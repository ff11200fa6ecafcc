import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from './attributes';
import { DicomRecordError, formatSex, toInstanceMetadata, toSeriesSummary, toStudySummary } from './records';

/** A study as Orthanc's QIDO-RS returns it (numbers for IS, PN as objects). */
const orthancStudy: DicomJsonDataset = {
  '00080020': { vr: 'DA', Value: ['20261123'] },
  '00080030': { vr: 'TM', Value: ['143210'] },
  '00080050': { vr: 'SH', Value: ['ACC1001'] },
  '00080061': { vr: 'CS', Value: ['CT', 'DOC'] },
  '00081030': { vr: 'LO', Value: ['CT Chest'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
  '00100020': { vr: 'LO', Value: ['FOV-0001'] },
  '00100030': { vr: 'DA', Value: ['19680412'] },
  '00100040': { vr: 'CS', Value: ['f'] },
  '0020000D': { vr: 'UI', Value: ['1.2.3'] },
  '00201206': { vr: 'IS', Value: [3] },
  '00201208': { vr: 'IS', Value: ['221'] },
};

describe('toStudySummary', () => {
  it('reads the columns of the study list', () => {
    expect(toStudySummary(orthancStudy)).toEqual({
      studyInstanceUid: '1.2.3',
      patient: {
        name: { alphabetic: { family: 'Doe', given: 'Jane', middle: '', prefix: '', suffix: '' } },
        id: 'FOV-0001',
        birthDate: '19680412',
        sex: 'F',
      },
      studyDate: '20261123',
      studyTime: '143210',
      accessionNumber: 'ACC1001',
      description: 'CT Chest',
      modalities: ['CT', 'DOC'],
      studyId: undefined,
      referringPhysician: undefined,
      numberOfSeries: 3,
      numberOfInstances: 221,
    });
  });

  it('refuses a study without its UID', () => {
    const { '0020000D': _uid, ...rest } = orthancStudy;
    expect(() => toStudySummary(rest)).toThrow(DicomRecordError);
  });
});

describe('toSeriesSummary', () => {
  it('reads a series and takes the study UID from the search when absent', () => {
    const series = toSeriesSummary(
      {
        '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
        '00080060': { vr: 'CS', Value: ['ct'] },
        '0008103E': { vr: 'LO', Value: ['Axial'] },
        '0020000E': { vr: 'UI', Value: ['1.2.3.4'] },
        '00200011': { vr: 'IS', Value: [2] },
        '00201209': { vr: 'IS', Value: [200] },
      },
      '1.2.3',
    );
    expect(series).toMatchObject({
      studyInstanceUid: '1.2.3',
      seriesInstanceUid: '1.2.3.4',
      modality: 'CT',
      description: 'Axial',
      seriesNumber: 2,
      numberOfInstances: 200,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    });
  });
});

describe('toInstanceMetadata', () => {
  const instance: DicomJsonDataset = {
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00080018': { vr: 'UI', Value: ['1.2.3.4.5'] },
    '0020000D': { vr: 'UI', Value: ['1.2.3'] },
    '0020000E': { vr: 'UI', Value: ['1.2.3.4'] },
    '00200013': { vr: 'IS', Value: [200] },
    '00200032': { vr: 'DS', Value: [-125, -125, -100] },
    '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
    '00280010': { vr: 'US', Value: [512] },
    '00280011': { vr: 'US', Value: [512] },
    '7FE00010': { vr: 'OW', BulkDataURI: 'http://pacs/bulk/7fe00010' },
  };

  it('reads geometry and pixel data presence', () => {
    const meta = toInstanceMetadata(instance);
    expect(meta).toMatchObject({
      sopInstanceUid: '1.2.3.4.5',
      instanceNumber: 200,
      numberOfFrames: 1,
      rows: 512,
      imagePositionPatient: [-125, -125, -100],
      imageOrientationPatient: [1, 0, 0, 0, 1, 0],
      hasPixelData: true,
    });
    expect(meta.dataset).toBe(instance);
  });

  it('drops malformed geometry and reads frames', () => {
    const meta = toInstanceMetadata({
      ...instance,
      '00200032': { vr: 'DS', Value: [1, 2] },
      '00280008': { vr: 'IS', Value: ['12'] },
      '7FE00010': undefined as never,
    });
    expect(meta.imagePositionPatient).toBeUndefined();
    expect(meta.numberOfFrames).toBe(12);
  });
});

describe('formatSex', () => {
  it('spells out the codes', () => {
    expect(formatSex('F')).toBe('Female');
    expect(formatSex('M')).toBe('Male');
    expect(formatSex('O')).toBe('Other');
    expect(formatSex('X')).toBe('X');
    expect(formatSex(undefined)).toBe('');
  });
});
