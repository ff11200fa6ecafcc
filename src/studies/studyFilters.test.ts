import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../dicom';
import {
  EMPTY_FILTERS,
  describeFilters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  sortStudies,
  studyDateFor,
  toStudySearch,
} from './studyFilters';

describe('filters in the query string', () => {
  it('round-trips', () => {
    const filters = {
      patientName: 'doe',
      patientId: 'P1',
      accessionNumber: 'A9',
      dateRange: 'last7days' as const,
      modality: 'CT',
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe('patientName=doe&patientId=P1&accession=A9&date=7d&modality=CT');
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('leaves out empty filters and reads unknown values as none', () => {
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams('date=yesterday&modality=mr'))).toEqual({
      ...EMPTY_FILTERS,
      modality: 'MR',
    });
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, dateRange: 'today' })).toBe(true);
  });
});

describe('studyDateFor', () => {
  const today = new Date(2024, 2, 3, 10, 0);

  it('is one day for today and seven days ending today for the last week', () => {
    expect(studyDateFor('today', today)).toBe('20240303');
    expect(studyDateFor('last7days', today)).toBe('20240226-20240303');
    expect(studyDateFor('any', today)).toBeUndefined();
  });
});

describe('toStudySearch', () => {
  it('trims and leaves out what is empty', () => {
    expect(
      toStudySearch(
        { ...EMPTY_FILTERS, patientName: ' doe ', patientId: ' ', dateRange: 'today' },
        new Date(2024, 0, 9),
        200,
      ),
    ).toEqual({
      patientName: 'doe',
      patientId: undefined,
      accessionNumber: undefined,
      studyDate: '20240109',
      modality: undefined,
      limit: 200,
    });
  });
});

describe('describeFilters', () => {
  it('says the filters in words', () => {
    expect(
      describeFilters({ ...EMPTY_FILTERS, patientName: 'doe', modality: 'CT', dateRange: 'today' }),
    ).toBe('patient name “doe”, modality CT, today');
    expect(describeFilters(EMPTY_FILTERS)).toBe('');
  });
});

describe('sortStudies', () => {
  const study = (uid: string, studyDate?: string, studyTime?: string, family = 'A'): StudySummary => ({
    studyInstanceUid: uid,
    patient: { name: { alphabetic: { family, given: '', middle: '', prefix: '', suffix: '' } }, id: '' },
    studyDate,
    studyTime,
    modalities: [],
  });

  it('puts the newest first and undated studies last', () => {
    const sorted = sortStudies([
      study('old', '20230101'),
      study('none'),
      study('new-early', '20240305', '0800'),
      study('new-late', '20240305', '143210'),
      study('new-late-b', '20240305', '143210', 'B'),
    ]);
    expect(sorted.map((s) => s.studyInstanceUid)).toEqual([
      'new-late',
      'new-late-b',
      'new-early',
      'old',
      'none',
    ]);
  });
});
