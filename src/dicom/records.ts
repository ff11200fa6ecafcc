import {
  getNumber,
  getNumbers,
  getPersonName,
  getString,
  getStrings,
  hasAttribute,
  type DicomJsonDataset,
} from './attributes';
import { parsePersonName, type PersonName } from './personName';

/** Who a study belongs to, as the archive records it. Dates stay DICOM strings (DA); format them to show. */
export interface PatientSummary {
  name: PersonName;
  id: string;
  birthDate?: string;
  /** "M", "F", "O" or absent */
  sex?: string;
}

/** One study as a QIDO-RS study search returns it. */
export interface StudySummary {
  studyInstanceUid: string;
  patient: PatientSummary;
  /** DA */
  studyDate?: string;
  /** TM */
  studyTime?: string;
  accessionNumber?: string;
  description?: string;
  modalities: string[];
  studyId?: string;
  referringPhysician?: PersonName;
  numberOfSeries?: number;
  numberOfInstances?: number;
}

/** One series as a QIDO-RS series search returns it. */
export interface SeriesSummary {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  modality: string;
  description?: string;
  seriesNumber?: number;
  numberOfInstances?: number;
  /** The SOP class of the series' instances, when the archive reports it (Orthanc does). */
  sopClassUid?: string;
  /** DA */
  seriesDate?: string;
  /** TM */
  seriesTime?: string;
}

/** One instance from WADO-RS metadata: what the viewer needs to order and load it, and the full dataset. */
export interface InstanceMetadata {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid?: string;
  instanceNumber?: number;
  /** 1 for single-frame instances */
  numberOfFrames: number;
  rows?: number;
  columns?: number;
  /** x, y, z in mm (patient coordinates) */
  imagePositionPatient?: [number, number, number];
  /** row direction cosines then column direction cosines */
  imageOrientationPatient?: [number, number, number, number, number, number];
  hasPixelData: boolean;
  dataset: DicomJsonDataset;
}

/** A record could not be read from what the archive sent. */
export class DicomRecordError extends Error {
  override name = 'DicomRecordError';
}

function required(
  dataset: DicomJsonDataset,
  keyword: 'StudyInstanceUID' | 'SeriesInstanceUID' | 'SOPInstanceUID',
): string {
  const value = getString(dataset, keyword);
  if (!value) throw new DicomRecordError(`${keyword} is missing`);
  return value;
}

function optional<T>(value: T | undefined): T | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function patientFromDataset(dataset: DicomJsonDataset): PatientSummary {
  return {
    name: parsePersonName(getPersonName(dataset, 'PatientName')),
    id: getString(dataset, 'PatientID') ?? '',
    birthDate: optional(getString(dataset, 'PatientBirthDate')),
    sex: optional(getString(dataset, 'PatientSex')?.toUpperCase()),
  };
}

/** Reads a study search result; throws DicomRecordError when it has no Study Instance UID. */
export function toStudySummary(dataset: DicomJsonDataset): StudySummary {
  const referring = getPersonName(dataset, 'ReferringPhysicianName');
  return {
    studyInstanceUid: required(dataset, 'StudyInstanceUID'),
    patient: patientFromDataset(dataset),
    studyDate: optional(getString(dataset, 'StudyDate')),
    studyTime: optional(getString(dataset, 'StudyTime')),
    accessionNumber: optional(getString(dataset, 'AccessionNumber')),
    description: optional(getString(dataset, 'StudyDescription')),
    modalities: getStrings(dataset, 'ModalitiesInStudy').filter(Boolean),
    studyId: optional(getString(dataset, 'StudyID')),
    referringPhysician: referring ? parsePersonName(referring) : undefined,
    numberOfSeries: getNumber(dataset, 'NumberOfStudyRelatedSeries'),
    numberOfInstances: getNumber(dataset, 'NumberOfStudyRelatedInstances'),
  };
}

/** Reads a series search result; the study UID comes from the search when the result leaves it out. */
export function toSeriesSummary(dataset: DicomJsonDataset, studyInstanceUid?: string): SeriesSummary {
  const study = getString(dataset, 'StudyInstanceUID') ?? studyInstanceUid;
  if (!study) throw new DicomRecordError('StudyInstanceUID is missing');
  return {
    studyInstanceUid: study,
    seriesInstanceUid: required(dataset, 'SeriesInstanceUID'),
    modality: getString(dataset, 'Modality')?.toUpperCase() ?? '',
    description: optional(getString(dataset, 'SeriesDescription')),
    seriesNumber: getNumber(dataset, 'SeriesNumber'),
    numberOfInstances: getNumber(dataset, 'NumberOfSeriesRelatedInstances'),
    sopClassUid: optional(getString(dataset, 'SOPClassUID')),
    seriesDate: optional(getString(dataset, 'SeriesDate')),
    seriesTime: optional(getString(dataset, 'SeriesTime')),
  };
}

function tuple<N extends number>(numbers: number[], length: N): number[] | undefined {
  return numbers.length === length ? numbers : undefined;
}

/** Reads one instance of WADO-RS metadata; throws DicomRecordError when its UIDs are missing. */
export function toInstanceMetadata(dataset: DicomJsonDataset): InstanceMetadata {
  const frames = getNumber(dataset, 'NumberOfFrames');
  return {
    studyInstanceUid: required(dataset, 'StudyInstanceUID'),
    seriesInstanceUid: required(dataset, 'SeriesInstanceUID'),
    sopInstanceUid: required(dataset, 'SOPInstanceUID'),
    sopClassUid: optional(getString(dataset, 'SOPClassUID')),
    instanceNumber: getNumber(dataset, 'InstanceNumber'),
    numberOfFrames: frames !== undefined && frames >= 1 ? Math.floor(frames) : 1,
    rows: getNumber(dataset, 'Rows'),
    columns: getNumber(dataset, 'Columns'),
    imagePositionPatient: tuple(
      getNumbers(dataset, 'ImagePositionPatient'),
      3,
    ) as InstanceMetadata['imagePositionPatient'],
    imageOrientationPatient: tuple(
      getNumbers(dataset, 'ImageOrientationPatient'),
      6,
    ) as InstanceMetadata['imageOrientationPatient'],
    hasPixelData:
      hasAttribute(dataset, 'PixelData') ||
      hasAttribute(dataset, 'FloatPixelData') ||
      hasAttribute(dataset, 'DoubleFloatPixelData'),
    dataset,
  };
}

const SEX_NAMES: Record<string, string> = { M: 'Male', F: 'Female', O: 'Other' };

/** "M" → "Male"; an unknown code is shown as it is. */
export function formatSex(sex: string | undefined): string {
  return sex ? (SEX_NAMES[sex] ?? sex) : '';
}
