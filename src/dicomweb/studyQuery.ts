import { TAGS, broadNamePattern, type Keyword } from '../dicom';

/** What the study search asks the PACS for; empty fields are not sent. */
export interface StudySearch {
  /**
   * Free text: every word found in the name, in any order, case and accents aside ("jane doe" and
   * "müller" find "Doe^Jane" and "Muller^Jurgen"); with the wildcards * or ? a PN pattern sent as is.
   */
  patientName?: string;
  /** Exact, unless it holds the wildcards * or ? */
  patientId?: string;
  /** Exact, unless it holds the wildcards * or ? */
  accessionNumber?: string;
  /** A DA ("20240305") or a DA range ("20240301-20240305"). */
  studyDate?: string;
  /** One modality, matched against Modalities in Study */
  modality?: string;
  /** Free text matched anywhere in Study Description (case as the PACS compares it). */
  description?: string;
  studyInstanceUid?: string;
  limit?: number;
  offset?: number;
}

const fields = (keywords: Keyword[]) => keywords.map((k) => TAGS[k]);

/**
 * Query parameters for dicomweb-client in which `name` is repeated once per value. dicomweb-client
 * writes each parameter once with a percent-encoded value, so a comma-separated includefield arrives
 * as "%2C", which Orthanc does not split (it then leaves out Study Description, for one). Repeating
 * the parameter is standard and understood everywhere; the repetitions are folded into the parameter
 * name, which dicomweb-client writes as it is. Values must be URL-safe (tags are hex digits).
 */
export function repeatedParameter(name: string, values: readonly string[]): Record<string, string> {
  if (values.length === 0) return {};
  const head = values
    .slice(0, -1)
    .map((value) => `${name}=${value}&`)
    .join('');
  return { [`${head}${name}`]: values[values.length - 1]! };
}

/** Attributes a study search asks for beyond those QIDO-RS always returns. */
export const STUDY_FIELDS = fields([
  'PatientName',
  'PatientID',
  'PatientBirthDate',
  'PatientSex',
  'StudyDate',
  'StudyTime',
  'AccessionNumber',
  'ModalitiesInStudy',
  'StudyDescription',
  'StudyID',
  'ReferringPhysicianName',
  'NumberOfStudyRelatedSeries',
  'NumberOfStudyRelatedInstances',
]);

/**
 * Attributes a series search asks for. SOP Class UID is an instance attribute; archives that answer it
 * at series level (Orthanc does) let the viewer tell documents from images before loading anything.
 */
export const SERIES_FIELDS = fields([
  'Modality',
  'SeriesDescription',
  'SeriesNumber',
  'SeriesDate',
  'SeriesTime',
  'NumberOfSeriesRelatedInstances',
  'SOPClassUID',
]);

const hasWildcard = (text: string) => /[*?]/.test(text);

export const hasWildcards = hasWildcard;

/**
 * The PatientName matching key of a search: a pattern the user wrote goes as is; free text becomes
 * a pattern broad enough for archives that compare bytes (see `broadNamePattern`), to be narrowed
 * once the answer is here. Undefined when the archive cannot narrow it at all.
 */
export function patientNamePattern(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return hasWildcard(trimmed) ? trimmed : broadNamePattern(trimmed);
}

/** "knee mri" → "*knee*mri*", unless the user wrote wildcards. */
export function containsPattern(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || hasWildcard(trimmed)) return trimmed;
  return `*${trimmed.split(/\s+/).join('*')}*`;
}

/** The QIDO-RS query parameters of a study search. */
export function studyQueryParams(search: StudySearch): Record<string, string> {
  const params: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed) params[key] = trimmed;
  };
  set('PatientName', search.patientName === undefined ? undefined : patientNamePattern(search.patientName));
  set('PatientID', search.patientId);
  set('AccessionNumber', search.accessionNumber);
  set('StudyDate', search.studyDate);
  set('ModalitiesInStudy', search.modality?.toUpperCase());
  set('StudyDescription', search.description === undefined ? undefined : containsPattern(search.description));
  set('StudyInstanceUID', search.studyInstanceUid);
  if (search.limit !== undefined) params.limit = String(search.limit);
  if (search.offset) params.offset = String(search.offset);
  return { ...params, ...repeatedParameter('includefield', STUDY_FIELDS) };
}
