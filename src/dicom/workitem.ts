import { getSequence, getString, type DicomJsonDataset } from './attributes';
import { patientFromDataset, type PatientSummary } from './records';
import { DicomRecordError } from './records';
import { TAGS, type Keyword } from './tags';

/** UPS Procedure Step State (0074,1000). */
export type ProcedureStepState = 'SCHEDULED' | 'IN PROGRESS' | 'COMPLETED' | 'CANCELED';

/** One order on the worklist, as a UPS-RS workitem describes it. */
export interface ScheduledProcedure {
  /** The workitem's SOP Instance UID: stable for the same order across searches. */
  workitemUid: string;
  patient: PatientSummary;
  /** DT of the scheduled start, e.g. "20261123083000". */
  scheduledStart?: string;
  /** What is to be done, in the clinic's words. */
  procedure?: string;
  /** Modality the station is of (the station class code). */
  modality?: string;
  /** Station name, else its AE title. */
  station?: string;
  stationAet?: string;
  accessionNumber?: string;
  /** The Study Instance UID the RIS assigned for the order, which modalities copy from the worklist. */
  studyInstanceUid?: string;
  requestedProcedureId?: string;
  state: ProcedureStepState;
}

const path = (...keywords: Keyword[]) => keywords.map((k) => TAGS[k]).join('.');

/**
 * What a UPS-RS workitem search asks for (includefield): exactly the attributes toScheduledProcedure
 * reads, sequence items narrowed to the values read from them. A busy day's answer is then about half
 * the size, and the page parses and keeps half the objects.
 */
export const WORKITEM_FIELDS: readonly string[] = [
  path('SOPInstanceUID'),
  path('PatientName'),
  path('PatientID'),
  path('PatientBirthDate'),
  path('PatientSex'),
  path('ScheduledProcedureStepStartDateTime'),
  path('ProcedureStepLabel'),
  path('WorklistLabel'),
  path('ProcedureStepState'),
  path('ScheduledStationNameCodeSequence', 'CodeValue'),
  path('ScheduledStationNameCodeSequence', 'CodeMeaning'),
  path('ScheduledStationClassCodeSequence', 'CodeValue'),
  path('ScheduledWorkitemCodeSequence', 'CodeMeaning'),
  path('ReferencedRequestSequence', 'AccessionNumber'),
  path('ReferencedRequestSequence', 'StudyInstanceUID'),
  path('ReferencedRequestSequence', 'RequestedProcedureID'),
  path('ReferencedRequestSequence', 'RequestedProcedureDescription'),
];

const STATES: readonly ProcedureStepState[] = ['SCHEDULED', 'IN PROGRESS', 'COMPLETED', 'CANCELED'];

/** Reads one UPS-RS search result; throws DicomRecordError without a workitem UID. */
export function toScheduledProcedure(dataset: DicomJsonDataset): ScheduledProcedure {
  const workitemUid = getString(dataset, 'SOPInstanceUID');
  if (!workitemUid) throw new DicomRecordError('SOPInstanceUID is missing');
  const request = getSequence(dataset, 'ReferencedRequestSequence')[0];
  const station = getSequence(dataset, 'ScheduledStationNameCodeSequence')[0];
  const stationClass = getSequence(dataset, 'ScheduledStationClassCodeSequence')[0];
  const workitemCode = getSequence(dataset, 'ScheduledWorkitemCodeSequence')[0];
  const state = getString(dataset, 'ProcedureStepState')?.toUpperCase() as ProcedureStepState | undefined;
  const stationAet = station && getString(station, 'CodeValue');
  return {
    workitemUid,
    patient: patientFromDataset(dataset),
    scheduledStart: getString(dataset, 'ScheduledProcedureStepStartDateTime'),
    procedure:
      getString(dataset, 'ProcedureStepLabel') ??
      (request && getString(request, 'RequestedProcedureDescription')) ??
      (workitemCode && getString(workitemCode, 'CodeMeaning')),
    modality: (stationClass && getString(stationClass, 'CodeValue'))?.toUpperCase(),
    station:
      (station && getString(station, 'CodeMeaning')) ?? stationAet ?? getString(dataset, 'WorklistLabel'),
    stationAet,
    accessionNumber: request && getString(request, 'AccessionNumber'),
    studyInstanceUid: request && getString(request, 'StudyInstanceUID'),
    requestedProcedureId: request && getString(request, 'RequestedProcedureID'),
    state: state && STATES.includes(state) ? state : 'SCHEDULED',
  };
}
