import { formatPersonName, type ScheduledProcedure } from '../dicom';
import { RESULT_STATUS_LABELS, type ResultStatus, type ResultStatusKind } from './resultStatus';

/** A worklist row: the order and what the PACS holds for it. */
export interface WorklistRow {
  procedure: ScheduledProcedure;
  status: ResultStatus;
}

export interface WorklistFilters {
  /** "" for all */
  modality: string;
  station: string;
  status: ResultStatusKind | '';
  /** Free text on name, patient ID and accession number. */
  text: string;
}

export const EMPTY_WORKLIST_FILTERS: WorklistFilters = { modality: '', station: '', status: '', text: '' };

export const STATUS_ORDER = Object.keys(RESULT_STATUS_LABELS) as ResultStatusKind[];

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Search texts by order, made once per order (a poll brings new order objects, and so new texts).
 * Folding thousands of names costs more than showing the list, so it is not done before the first
 * rows are on screen: `prepareSearchTexts` fills this afterwards, or the first filter does.
 */
const searchTexts = new WeakMap<ScheduledProcedure, string>();

/** Lower-cased, accent-free text the free-text filter searches: names in every script, ID, accession. */
export function searchTextOf(procedure: ScheduledProcedure): string {
  let text = searchTexts.get(procedure);
  if (text === undefined) {
    const { name, id } = procedure.patient;
    const groups = [name.alphabetic, name.ideographic, name.phonetic]
      .filter((group) => group !== undefined)
      .map((group) => `${group.family} ${group.given} ${group.middle}`);
    text = fold([formatPersonName(name), ...groups, id, procedure.accessionNumber ?? ''].join(' '));
    searchTexts.set(procedure, text);
  }
  return text;
}

/**
 * Makes the search texts of `procedures` in slices while the browser is idle, so that the first
 * keystroke in the filter finds them ready. Returns a function that stops it.
 */
export function prepareSearchTexts(procedures: readonly ScheduledProcedure[], sliceSize = 500): () => void {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const later = (work: () => void) => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(work, { timeout: 1000 });
    else timer = setTimeout(work, 0);
  };
  const slice = () => {
    const end = Math.min(procedures.length, next + sliceSize);
    for (; next < end; next++) searchTextOf(procedures[next]!);
    if (next < procedures.length) later(slice);
  };
  later(slice);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** Every word typed must appear somewhere: "doe ja" finds "DOE, Jane". */
function matchesText(row: WorklistRow, words: string[]): boolean {
  if (words.length === 0) return true;
  const text = searchTextOf(row.procedure);
  return words.every((word) => text.includes(word));
}

/** The rows the filters let through, in scheduled order (rows come sorted; filtering keeps the order). */
export function filterRows(rows: readonly WorklistRow[], filters: WorklistFilters): WorklistRow[] {
  const words = fold(filters.text)
    .split(/[\s,^]+/)
    .filter(Boolean);
  if (!filters.modality && !filters.station && !filters.status && words.length === 0) return rows.slice();
  return rows.filter(
    (row) =>
      (!filters.modality || row.procedure.modality === filters.modality) &&
      (!filters.station || row.procedure.station === filters.station) &&
      (!filters.status || row.status.kind === filters.status) &&
      matchesText(row, words),
  );
}

/** Rows per status under every filter but the status one, so the counts say what each choice would show. */
export function countByStatus(
  rows: readonly WorklistRow[],
  filters: WorklistFilters,
): Record<ResultStatusKind, number> {
  const counts: Record<ResultStatusKind, number> = { waiting: 0, images: 0, report: 0, 'needs-match': 0 };
  for (const row of filterRows(rows, { ...filters, status: '' })) counts[row.status.kind] += 1;
  return counts;
}

/** The distinct values of a column, sorted, for the filter menus. */
export function optionsOf(
  rows: readonly WorklistRow[],
  pick: (row: WorklistRow) => string | undefined,
): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = pick(row);
    if (value) values.add(value);
  }
  return [...values].sort();
}

export function hasWorklistFilters(filters: WorklistFilters): boolean {
  return Boolean(filters.modality || filters.station || filters.status || filters.text.trim());
}

/** Filters to and from the address bar, so that a reload or a shared link keeps them. */
export function worklistFiltersFromParams(params: URLSearchParams): WorklistFilters {
  const status = params.get('status') ?? '';
  return {
    modality: params.get('modality') ?? '',
    station: params.get('station') ?? '',
    status: (STATUS_ORDER as string[]).includes(status) ? (status as ResultStatusKind) : '',
    text: params.get('q') ?? '',
  };
}

export function worklistParams(date: string | undefined, filters: WorklistFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (date) params.set('date', date);
  if (filters.modality) params.set('modality', filters.modality);
  if (filters.station) params.set('station', filters.station);
  if (filters.status) params.set('status', filters.status);
  if (filters.text) params.set('q', filters.text);
  return params;
}
