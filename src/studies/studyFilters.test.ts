import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  describeFilters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  studyDateFor,
  toStudySearch,
} from './studyFilters';

describe('filters in the query string', () => {
  it('round-trips', () => {
    const filters = {
      ...EMPTY_FILTERS,
      patientName: 'doe',
      patientId: 'P1',
      accessionNumber: 'A9',
      dateRange: 'last7days' as const,
      modality: 'CT',
      description: 'knee',
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      'patientName=doe&patientId=P1&accession=A9&date=7d&modality=CT&description=knee',
    );
    expect(filtersFromParams(params)).toEqual(filters);

    const custom = {
      ...EMPTY_FILTERS,
      dateRange: 'custom' as const,
      dateFrom: '2026-11-01',
      dateTo: '2026-11-23',
    };
    expect(filtersToParams(custom).toString()).toBe('date=custom&from=2026-11-01&to=2026-11-23');
    expect(filtersFromParams(filtersToParams(custom))).toEqual(custom);
  });

  it('keeps custom days only with a custom range, and only when they are days', () => {
    expect(filtersToParams({ ...EMPTY_FILTERS, dateRange: 'today', dateFrom: '2026-11-01' }).toString()).toBe(
      'date=today',
    );
    expect(filtersFromParams(new URLSearchParams('date=custom&from=yesterday&to=2026-11-23'))).toEqual({
      ...EMPTY_FILTERS,
      dateRange: 'custom',
      dateTo: '2026-11-23',
    });
    expect(filtersFromParams(new URLSearchParams('date=7d&from=2026-11-01')).dateFrom).toBe('');
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

  it('is the days between two dates for a custom range, open at either end, in either order', () => {
    const range = (from: string, to: string) => studyDateFor('custom', today, { from, to });
    expect(range('2024-02-01', '2024-02-29')).toBe('20240201-20240229');
    expect(range('2024-02-29', '2024-02-01')).toBe('20240201-20240229');
    expect(range('2024-02-01', '')).toBe('20240201-');
    expect(range('', '2024-02-29')).toBe('-20240229');
    expect(range('2024-02-01', '2024-02-01')).toBe('20240201');
    expect(range('', '')).toBeUndefined();
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
      description: undefined,
      limit: 200,
      offset: undefined,
    });
  });

  it('asks for the next page with an offset', () => {
    const search = toStudySearch({ ...EMPTY_FILTERS, description: ' knee ' }, new Date(2024, 0, 9), 50, 100);
    expect(search).toMatchObject({ description: 'knee', limit: 50, offset: 100 });
  });
});

describe('describeFilters', () => {
  it('says the filters in words', () => {
    expect(
      describeFilters({ ...EMPTY_FILTERS, patientName: 'doe', modality: 'CT', dateRange: 'today' }),
    ).toBe('patient name “doe”, modality CT, today');
    expect(
      describeFilters({ ...EMPTY_FILTERS, description: 'knee', dateRange: 'custom', dateFrom: '2024-02-01' }),
    ).toMatch(/^description “knee”, from \S/);
    expect(describeFilters(EMPTY_FILTERS)).toBe('');
  });
});
