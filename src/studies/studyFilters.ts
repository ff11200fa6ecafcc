import { formatPersonName, toDicomDate, type StudySummary } from '../dicom';
import type { StudySearch } from '../dicomweb';

export type DateRange = 'any' | 'today' | 'last7days';

/** The study list's filters, as kept in the page's query string. */
export interface StudyFilters {
  patientName: string;
  patientId: string;
  accessionNumber: string;
  dateRange: DateRange;
  modality: string;
}

export const EMPTY_FILTERS: StudyFilters = {
  patientName: '',
  patientId: '',
  accessionNumber: '',
  dateRange: 'any',
  modality: '',
};

/** Query-string names, short enough to read in a shared link. */
const PARAM = {
  patientName: 'patientName',
  patientId: 'patientId',
  accessionNumber: 'accession',
  dateRange: 'date',
  modality: 'modality',
} as const satisfies Record<keyof StudyFilters, string>;

const DATE_PARAM: Record<DateRange, string> = { any: '', today: 'today', last7days: '7d' };

export const DATE_RANGE_LABELS: Record<DateRange, string> = {
  any: 'Any date',
  today: 'Today',
  last7days: 'Last 7 days',
};

/** Modalities offered in the filter; eye care (OP, OPT, OPV) next to radiology. */
export const MODALITY_OPTIONS = [
  'CT',
  'MR',
  'CR',
  'DX',
  'MG',
  'US',
  'XA',
  'NM',
  'PT',
  'OP',
  'OPT',
  'OPV',
  'SR',
  'DOC',
  'OT',
];

export function filtersFromParams(params: URLSearchParams): StudyFilters {
  const date = params.get(PARAM.dateRange);
  const dateRange =
    (Object.keys(DATE_PARAM) as DateRange[]).find((range) => DATE_PARAM[range] === date) ?? 'any';
  return {
    patientName: params.get(PARAM.patientName) ?? '',
    patientId: params.get(PARAM.patientId) ?? '',
    accessionNumber: params.get(PARAM.accessionNumber) ?? '',
    dateRange,
    modality: (params.get(PARAM.modality) ?? '').toUpperCase(),
  };
}

/** The query string for some filters; empty filters are left out so that links stay short. */
export function filtersToParams(filters: StudyFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.patientName) params.set(PARAM.patientName, filters.patientName);
  if (filters.patientId) params.set(PARAM.patientId, filters.patientId);
  if (filters.accessionNumber) params.set(PARAM.accessionNumber, filters.accessionNumber);
  if (filters.dateRange !== 'any') params.set(PARAM.dateRange, DATE_PARAM[filters.dateRange]);
  if (filters.modality) params.set(PARAM.modality, filters.modality);
  return params;
}

export function hasFilters(filters: StudyFilters): boolean {
  return filtersToParams(filters).size > 0;
}

/** The DA or DA range a date filter means on `today` (local calendar days). */
export function studyDateFor(range: DateRange, today: Date): string | undefined {
  if (range === 'today') return toDicomDate(today);
  if (range === 'last7days') {
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
    return `${toDicomDate(start)}-${toDicomDate(today)}`;
  }
  return undefined;
}

export function toStudySearch(filters: StudyFilters, today: Date, limit: number): StudySearch {
  return {
    patientName: filters.patientName.trim() || undefined,
    patientId: filters.patientId.trim() || undefined,
    accessionNumber: filters.accessionNumber.trim() || undefined,
    studyDate: studyDateFor(filters.dateRange, today),
    modality: filters.modality || undefined,
    limit,
  };
}

/** The filters in words, for "No studies match …". */
export function describeFilters(filters: StudyFilters): string {
  const parts: string[] = [];
  if (filters.patientName.trim()) parts.push(`patient name “${filters.patientName.trim()}”`);
  if (filters.patientId.trim()) parts.push(`patient ID “${filters.patientId.trim()}”`);
  if (filters.accessionNumber.trim()) parts.push(`accession “${filters.accessionNumber.trim()}”`);
  if (filters.modality) parts.push(`modality ${filters.modality}`);
  if (filters.dateRange !== 'any') parts.push(DATE_RANGE_LABELS[filters.dateRange].toLowerCase());
  return parts.join(', ');
}

/** Newest first (date, then time); studies without a date last; ties by patient name. */
export function sortStudies(studies: readonly StudySummary[]): StudySummary[] {
  const when = (s: StudySummary) => `${s.studyDate ?? ''}${(s.studyTime ?? '').padEnd(6, '0')}`;
  return [...studies].sort((a, b) => {
    const byDate = when(b).localeCompare(when(a));
    if (byDate !== 0) return byDate;
    return formatPersonName(a.patient.name).localeCompare(formatPersonName(b.patient.name));
  });
}
