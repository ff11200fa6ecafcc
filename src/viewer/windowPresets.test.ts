import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../dicom';
import { CT_PRESETS, filePresets, windowPresets } from './windowPresets';

const ct: DicomJsonDataset = {
  '00281050': { vr: 'DS', Value: [40, -600] },
  '00281051': { vr: 'DS', Value: [400, 1500] },
  '00281055': { vr: 'LO', Value: ['SOFT TISSUE', 'LUNG'] },
};

describe('filePresets', () => {
  it('reads each stored window with its explanation', () => {
    expect(filePresets(ct)).toEqual([
      { label: 'SOFT TISSUE', center: 40, width: 400, source: 'file' },
      { label: 'LUNG', center: -600, width: 1500, source: 'file' },
    ]);
  });

  it('names windows stored without an explanation, and skips unusable widths', () => {
    const dataset: DicomJsonDataset = {
      '00281050': { vr: 'DS', Value: [100, 50] },
      '00281051': { vr: 'DS', Value: [200, 0] },
    };
    expect(filePresets(dataset)).toEqual([
      { label: 'Stored window 1', center: 100, width: 200, source: 'file' },
    ]);
  });

  it('is empty when the image stores no window', () => {
    expect(filePresets({})).toEqual([]);
  });
});

describe('windowPresets', () => {
  it('offers the stored windows first, then the CT list without repeating one', () => {
    const presets = windowPresets(ct, 'CT');
    expect(presets.slice(0, 2).map((p) => p.label)).toEqual(['SOFT TISSUE', 'LUNG']);
    expect(presets.slice(2).map((p) => p.label)).toEqual(['Brain', 'Bone', 'Abdomen']);
  });

  it('offers the CT list for CT only', () => {
    expect(windowPresets({}, 'CT')).toEqual(CT_PRESETS);
    expect(windowPresets({}, 'MR')).toEqual([]);
  });
});
