import { describe, expect, it } from 'vitest';
import { parsePersonName, type StudySummary } from '../dicom';
import { patientBannerOf } from './patientBannerText';

const study = (overrides: Partial<StudySummary> = {}): StudySummary => ({
  studyInstanceUid: '1.2.3',
  patient: { name: parsePersonName('MÜLLER^Jürgen'), id: 'FOV1001', birthDate: '19580312', sex: 'M' },
  studyDate: '20250314',
  studyTime: '101500',
  description: 'CT CHEST ABDOMEN',
  modalities: ['CT'],
  ...overrides,
});

describe('patientBannerOf', () => {
  it('names the patient and gives ID, birth date with age, sex and the study', () => {
    const text = patientBannerOf(study(), new Date(2026, 10, 23));
    expect(text.name).toBe('MÜLLER, Jürgen');
    expect(text.fields).toEqual([
      ['ID', 'FOV1001'],
      ['Born', '1958-03-12 (68 y)'],
      ['Sex', 'Male'],
      ['Study', '2025-03-14 10:15'],
    ]);
    expect(text.description).toBe('CT CHEST ABDOMEN');
  });

  it('says what is not recorded instead of leaving a field out', () => {
    const text = patientBannerOf(
      study({ patient: { name: {}, id: '' }, studyDate: undefined, studyTime: undefined, description: '' }),
    );
    expect(text.name).toBe('Name not recorded');
    expect(text.fields).toEqual([
      ['ID', '—'],
      ['Born', '—'],
      ['Sex', '—'],
      ['Study', '—'],
    ]);
    expect(text.description).toBeUndefined();
  });
});
