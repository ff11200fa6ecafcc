import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../dicom';
import { distinctPatients } from './patients';

const study = (id: string, family: string, given = 'Jane'): StudySummary => ({
  studyInstanceUid: `1.2.${id.length}`,
  patient: { id, name: { alphabetic: { family, given, middle: '', prefix: '', suffix: '' } } },
  modalities: [],
});

describe('distinctPatients', () => {
  it('counts one patient for studies with the same ID and name', () => {
    expect(distinctPatients([study('P1', 'Doe'), study('P1', 'DOE'), undefined])).toEqual(['DOE, Jane (P1)']);
  });

  it('lists each different patient', () => {
    expect(distinctPatients([study('P1', 'Doe'), study('P2', 'Doe'), study('P1', 'Roe')])).toEqual([
      'DOE, Jane (P1)',
      'DOE, Jane (P2)',
      'ROE, Jane (P1)',
    ]);
  });
});
