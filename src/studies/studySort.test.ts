import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../dicom';
import { DEFAULT_SORT, nextSort, sortFromParam, sortStudies, sortToParam } from './studySort';

const study = (
  uid: string,
  studyDate?: string,
  studyTime?: string,
  family = 'A',
  extra: Partial<StudySummary> = {},
): StudySummary => ({
  studyInstanceUid: uid,
  patient: { name: { alphabetic: { family, given: '', middle: '', prefix: '', suffix: '' } }, id: '' },
  studyDate,
  studyTime,
  modalities: [],
  ...extra,
});
const uids = (studies: StudySummary[]) => studies.map((s) => s.studyInstanceUid);

describe('sortStudies', () => {
  it('puts the newest first and undated studies last by default', () => {
    const sorted = sortStudies([
      study('old', '20230101'),
      study('none'),
      study('new-early', '20240305', '0800'),
      study('new-late', '20240305', '143210'),
      study('new-late-b', '20240305', '143210', 'B'),
    ]);
    expect(uids(sorted)).toEqual(['new-late', 'new-late-b', 'new-early', 'old', 'none']);
  });

  it('sorts names by the alphabet of the language, accents and case aside, missing values last', () => {
    const studies = [
      study('z', '1', '', 'Zeller'),
      study('o', '1', '', 'Öztürk'),
      study('a', '1', '', 'ader'),
      study('n', '1', '', ''),
    ];
    expect(uids(sortStudies(studies, { key: 'name', descending: false }))).toEqual(['a', 'o', 'z', 'n']);
    expect(uids(sortStudies(studies, { key: 'name', descending: true }))).toEqual(['z', 'o', 'a', 'n']);
  });

  it('sorts counts as numbers, not as text', () => {
    const studies = [
      study('9', '1', '', 'A', { numberOfInstances: 9 }),
      study('200', '1', '', 'A', { numberOfInstances: 200 }),
      study('30', '1', '', 'A', { numberOfInstances: 30 }),
    ];
    expect(uids(sortStudies(studies, { key: 'images', descending: false }))).toEqual(['9', '30', '200']);
  });

  it('breaks ties newest first', () => {
    const studies = [
      study('older', '20200101', '', 'A', { accessionNumber: 'X' }),
      study('newer', '20250101', '', 'A', { accessionNumber: 'X' }),
    ];
    expect(uids(sortStudies(studies, { key: 'accession', descending: false }))).toEqual(['newer', 'older']);
  });
});

describe('the sort in the query string', () => {
  it('round-trips, and reads unknown columns as the default', () => {
    expect(sortFromParam('-date')).toEqual(DEFAULT_SORT);
    expect(sortFromParam('name')).toEqual({ key: 'name', descending: false });
    expect(sortToParam({ key: 'images', descending: true })).toBe('-images');
    expect(sortFromParam('-shoe-size')).toEqual(DEFAULT_SORT);
    expect(sortFromParam(null)).toEqual(DEFAULT_SORT);
  });

  it('flips the direction of the same column; a new column starts ascending, dates newest first', () => {
    expect(nextSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextSort({ key: 'date', descending: true }, 'name')).toEqual({ key: 'name', descending: false });
    expect(nextSort({ key: 'name', descending: false }, 'date')).toEqual({ key: 'date', descending: true });
  });
});
