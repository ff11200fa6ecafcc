import { describe, expect, it, vi } from 'vitest';
import { parsePersonName, type ScheduledProcedure } from '../dicom';
import type { ResultStatusKind } from './resultStatus';
import {
  EMPTY_WORKLIST_FILTERS,
  countByStatus,
  filterRows,
  optionsOf,
  prepareSearchTexts,
  searchTextOf,
  worklistFiltersFromParams,
  worklistParams,
  type WorklistRow,
} from './worklistFilters';

const row = (
  name: string,
  id: string,
  modality: string,
  station: string,
  kind: ResultStatusKind,
): WorklistRow => {
  const procedure: ScheduledProcedure = {
    workitemUid: id,
    patient: { name: parsePersonName(name), id },
    modality,
    station,
    accessionNumber: `A-${id}`,
    state: 'SCHEDULED',
  };
  return { procedure, status: { kind, instances: 0, studyInstanceUids: [], disagreements: [] } };
};

const rows = [
  row('Yamada^Tarō=山田^太郎', 'FOV1009', 'OP', 'FUNDUS-1', 'images'),
  row('Müller^Jürgen', 'FOV1001', 'OPV', 'HFA-3', 'needs-match'),
  row('Dubois^Hélène', 'FOV1003', 'OP', 'FUNDUS-1', 'waiting'),
  row('Ivanov^Sergei=Иванов^Сергей', 'FOV1008', 'CT', 'CT-1', 'waiting'),
];
const ids = (list: WorklistRow[]) => list.map((r) => r.procedure.patient.id);

describe('filterRows', () => {
  it('narrows by modality, station and status', () => {
    expect(ids(filterRows(rows, { ...EMPTY_WORKLIST_FILTERS, modality: 'OP' }))).toEqual([
      'FOV1009',
      'FOV1003',
    ]);
    expect(ids(filterRows(rows, { ...EMPTY_WORKLIST_FILTERS, station: 'HFA-3' }))).toEqual(['FOV1001']);
    expect(ids(filterRows(rows, { ...EMPTY_WORKLIST_FILTERS, status: 'waiting' }))).toEqual([
      'FOV1003',
      'FOV1008',
    ]);
  });

  it('finds free text in any script, without accents or case, in ID and accession too', () => {
    const text = (t: string) => ids(filterRows(rows, { ...EMPTY_WORKLIST_FILTERS, text: t }));
    expect(text('muller jur')).toEqual(['FOV1001']);
    expect(text('山田')).toEqual(['FOV1009']);
    expect(text('иванов')).toEqual(['FOV1008']);
    expect(text('fov100')).toEqual(['FOV1009', 'FOV1001', 'FOV1003', 'FOV1008']);
    expect(text('A-FOV1003')).toEqual(['FOV1003']);
    expect(text('helene, dubois')).toEqual(['FOV1003']);
    expect(text('nobody')).toEqual([]);
  });
});

describe('search texts', () => {
  it('hold every script of the name, the ID and the accession, folded', () => {
    expect(searchTextOf(rows[0]!.procedure)).toBe(
      'yamada, taro (山田 太郎) yamada taro  山田 太郎  fov1009 a-fov1009',
    );
  });

  it('are made once per order, the same whether prepared ahead or on demand', async () => {
    vi.useFakeTimers();
    try {
      const procedure = { ...rows[1]!.procedure };
      const stop = prepareSearchTexts([procedure]);
      await vi.runAllTimersAsync();
      stop();
      const first = searchTextOf(procedure);
      expect(first).toContain('muller');
      expect(searchTextOf(procedure)).toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an unfiltered list is every row, in order, as a list of its own', () => {
    const all = filterRows(rows, EMPTY_WORKLIST_FILTERS);
    expect(all).toEqual(rows);
    expect(all).not.toBe(rows);
  });
});

describe('countByStatus', () => {
  it('counts under the other filters, so each status button says what it would show', () => {
    expect(countByStatus(rows, { ...EMPTY_WORKLIST_FILTERS, status: 'waiting' })).toEqual({
      waiting: 2,
      images: 1,
      report: 0,
      'needs-match': 1,
    });
    expect(countByStatus(rows, { ...EMPTY_WORKLIST_FILTERS, modality: 'OP' }).waiting).toBe(1);
  });
});

describe('filter helpers', () => {
  it('lists each option once, sorted', () => {
    expect(optionsOf(rows, (r) => r.procedure.modality)).toEqual(['CT', 'OP', 'OPV']);
  });

  it('round-trips the filters through the address bar and drops an unknown status', () => {
    const filters = { modality: 'OP', station: 'FUNDUS-1', status: 'images' as const, text: 'doe' };
    const params = worklistParams('2026-11-23', filters);
    expect(params.toString()).toBe('date=2026-11-23&modality=OP&station=FUNDUS-1&status=images&q=doe');
    expect(worklistFiltersFromParams(params)).toEqual(filters);
    expect(worklistFiltersFromParams(new URLSearchParams('status=bogus')).status).toBe('');
  });
});
