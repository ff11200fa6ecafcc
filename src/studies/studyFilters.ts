import { formatDate, toDicomDate } from '../dicom';
import type { StudySearch } from '../dicomweb';

export type DateRange = 'any' | 'today' | 'last7days' | 'custom';

/** The study list's filters, as kept in the page's query string. */
export interface StudyFilters {
  patientName: string;
  patientId: string;
  accessionNumber: string;
  dateRange: DateRange;
  /** First and last day of a custom range, as a date input holds them (yyyy-mm-dd); either may be empty. */
  dateFrom: string;
  dateTo: string;
  modality: string;
  description: string;
}

export const EMPTY_FILTERS: StudyFilters = {
  patientName: '',
  patientId: '',
  accessionNumber: '',
  dateRange: 'any',
  dateFrom: '',
  dateTo: '',
  modality: '',
  description: '',
};

/** Query-string names, short enough to read in a shared link. */
const PARAM = {
  patientName: 'patientName',
  patientId: 'patientId',
  accessionNumber: 'accession',
  dateRange: 'date',
  dateFrom: 'from',
  dateTo: 'to',
  modality: 'modality',
  description: 'description',
} as const satisfies Record<keyof StudyFilters, string>;

const DATE_PARAM: Record<DateRange, string> = { any: '', today: 'today', last7days: '7d', custom: 'custom' };

export const DATE_RANGE_LABELS: Record<DateRange, string> = {
  any: 'Any date',
  today: 'Today',
  last7days: 'Last 7 days',
  custom: 'Between dates…',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = (value: string | null) => (value && ISO_DAY.test(value) ? value : '');

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
  const custom = dateRange === 'custom';
  return {
    patientName: params.get(PARAM.patientName) ?? '',
    patientId: params.get(PARAM.patientId) ?? '',
    accessionNumber: params.get(PARAM.accessionNumber) ?? '',
    dateRange,
    dateFrom: custom ? isoDay(params.get(PARAM.dateFrom)) : '',
    dateTo: custom ? isoDay(params.get(PARAM.dateTo)) : '',
    modality: (params.get(PARAM.modality) ?? '').toUpperCase(),
    description: params.get(PARAM.description) ?? '',
  };
}

/** The query string for some filters; empty filters are left out so that links stay short. */
export function filtersToParams(filters: StudyFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.patientName) params.set(PARAM.patientName, filters.patientName);
  if (filters.patientId) params.set(PARAM.patientId, filters.patientId);
  if (filters.accessionNumber) params.set(PARAM.accessionNumber, filters.accessionNumber);
  if (filters.dateRange !== 'any') params.set(PARAM.dateRange, DATE_PARAM[filters.dateRange]);
  if (filters.dateRange === 'custom') {
    if (filters.dateFrom) params.set(PARAM.dateFrom, filters.dateFrom);
    if (filters.dateTo) params.set(PARAM.dateTo, filters.dateTo);
  }
  if (filters.modality) params.set(PARAM.modality, filters.modality);
  if (filters.description) params.set(PARAM.description, filters.description);
  return params;
}

export function hasFilters(filters: StudyFilters): boolean {
  return filtersToParams(filters).size > 0;
}

/** The DA or DA range a date filter means on `today` (local calendar days). */
export function studyDateFor(
  range: DateRange,
  today: Date,
  custom: { from: string; to: string } = { from: '', to: '' },
): string | undefined {
  if (range === 'today') return toDicomDate(today);
  if (range === 'custom') {
    const [from, to] = [custom.from, custom.to].map((day) => day.replaceAll('-', ''));
    if (!from && !to) return undefined;
    // Days given in the wrong order still mean the days between them.
    if (from && to && from > to) return `${to}-${from}`;
    return from === to ? from : `${from}-${to}`;
  }
  if (range === 'last7days') {
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
    return `${toDicomDate(start)}-${toDicomDate(today)}`;
  }
  return undefined;
}

/** The QIDO-RS search for some filters; `offset` skips the studies of the pages already shown. */
export function toStudySearch(filters: StudyFilters, today: Date, limit: number, offset = 0): StudySearch {
  return {
    patientName: filters.patientName.trim() || undefined,
    patientId: filters.patientId.trim() || undefined,
    accessionNumber: filters.accessionNumber.trim() || undefined,
    studyDate: studyDateFor(filters.dateRange, today, { from: filters.dateFrom, to: filters.dateTo }),
    modality: filters.modality || undefined,
    description: filters.description.trim() || undefined,
    limit,
    offset: offset || undefined,
  };
}

/** The filters in words, for "No studies match …". */
export function describeFilters(filters: StudyFilters): string {
  const parts: string[] = [];
  if (filters.patientName.trim()) parts.push(`patient name “${filters.patientName.trim()}”`);
  if (filters.patientId.trim()) parts.push(`patient ID “${filters.patientId.trim()}”`);
  if (filters.accessionNumber.trim()) parts.push(`accession “${filters.accessionNumber.trim()}”`);
  if (filters.modality) parts.push(`modality ${filters.modality}`);
  if (filters.description.trim()) parts.push(`description “${filters.description.trim()}”`);
  if (filters.dateRange === 'custom') {
    const [from, to] = [filters.dateFrom, filters.dateTo].map((day) => formatDate(day.replaceAll('-', '')));
    if (from && to) parts.push(from === to ? `on ${from}` : `between ${from} and ${to}`);
    else if (from) parts.push(`from ${from}`);
    else if (to) parts.push(`until ${to}`);
  } else if (filters.dateRange !== 'any') parts.push(DATE_RANGE_LABELS[filters.dateRange].toLowerCase());
  return parts.join(', ');
}
