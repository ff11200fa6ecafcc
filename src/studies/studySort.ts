import { formatPersonName, type StudySummary } from '../dicom';

/** The columns a study list can be sorted by. */
export type StudySortKey =
  | 'name'
  | 'id'
  | 'birthDate'
  | 'sex'
  | 'date'
  | 'modalities'
  | 'description'
  | 'accession'
  | 'series'
  | 'images';

export interface StudySort {
  key: StudySortKey;
  descending: boolean;
}

/** Newest first: what a clinician looking for a study expects. */
export const DEFAULT_SORT: StudySort = { key: 'date', descending: true };

const KEYS: readonly StudySortKey[] = [
  'name',
  'id',
  'birthDate',
  'sex',
  'date',
  'modalities',
  'description',
  'accession',
  'series',
  'images',
];

/** "-date" ↔ newest first; an unknown value reads as the default. */
export function sortFromParam(value: string | null): StudySort {
  if (!value) return DEFAULT_SORT;
  const descending = value.startsWith('-');
  const key = (descending ? value.slice(1) : value) as StudySortKey;
  return KEYS.includes(key) ? { key, descending } : DEFAULT_SORT;
}

export function sortToParam(sort: StudySort): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

export function isDefaultSort(sort: StudySort): boolean {
  return sort.key === DEFAULT_SORT.key && sort.descending === DEFAULT_SORT.descending;
}

/** Clicking a column: the same column flips direction; another starts ascending, dates newest first. */
export function nextSort(current: StudySort, key: StudySortKey): StudySort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === 'date' };
}

type Value = string | number | undefined;

const VALUE: Record<StudySortKey, (study: StudySummary) => Value> = {
  name: (s) => formatPersonName(s.patient.name) || undefined,
  id: (s) => s.patient.id || undefined,
  birthDate: (s) => s.patient.birthDate || undefined,
  sex: (s) => s.patient.sex || undefined,
  date: (s) => (s.studyDate ? `${s.studyDate}${(s.studyTime ?? '').padEnd(6, '0')}` : undefined),
  modalities: (s) => s.modalities.join(' ') || undefined,
  description: (s) => s.description || undefined,
  accession: (s) => s.accessionNumber || undefined,
  series: (s) => s.numberOfSeries,
  images: (s) => s.numberOfInstances,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorts the studies by one column. Missing values go last in either direction, so a study without a
 * date never crowds the top; ties keep a stable order: newest first, then by patient name.
 */
export function sortStudies(
  studies: readonly StudySummary[],
  sort: StudySort = DEFAULT_SORT,
): StudySummary[] {
  const value = VALUE[sort.key];
  const tieBreak = (a: StudySummary, b: StudySummary) =>
    compareValues(VALUE.date(b) ?? '', VALUE.date(a) ?? '') ||
    compareValues(VALUE.name(a) ?? '', VALUE.name(b) ?? '');
  return [...studies].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === undefined || y === undefined) {
      if (x === undefined && y === undefined) return tieBreak(a, b);
      return x === undefined ? 1 : -1;
    }
    const order = compareValues(x, y);
    return (sort.descending ? -order : order) || tieBreak(a, b);
  });
}
