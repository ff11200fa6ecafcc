import { createHash } from 'node:crypto';
import { attr, code, personName, sequence, type DicomJsonObject } from './dicomJson';
import { tagOf, UPS_PUSH_SOP_CLASS } from './tags';

/** One answer of a modality worklist C-FIND, with attributes named by keyword (as Orthanc returns them). */
export interface MwlItem {
  [keyword: string]: string | MwlItem[] | undefined;
}

export type ProcedureStepState = 'SCHEDULED' | 'IN PROGRESS' | 'COMPLETED' | 'CANCELED';

/**
 * ISO 2022 escape sequences (ESC, intermediate bytes, a final byte: ECMA-35). Orthanc 1.10 converts the
 * characters of a worklist answer in a code extension (Korean, ISO 2022 IR 149) to UTF-8 but leaves the
 * designations ("ESC $ ) C") in the text; they are control codes, never part of a name.
 */
// eslint-disable-next-line no-control-regex -- ESC is exactly what is removed
const ESCAPE_SEQUENCE = /\x1b[\x20-\x2f]+[\x30-\x7e]/g;

const text = (item: MwlItem | undefined, keyword: string): string | undefined => {
  const value = item?.[keyword];
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(ESCAPE_SEQUENCE, '').trim();
  return clean !== '' ? clean : undefined;
};
const items = (item: MwlItem | undefined, keyword: string): MwlItem[] => {
  const value = item?.[keyword];
  return Array.isArray(value) ? value : [];
};

/** MWL Scheduled Procedure Step Status (0040,0020) in terms of the UPS Procedure Step State. */
export function stateOf(status: string | undefined): ProcedureStepState {
  switch ((status ?? '').toUpperCase()) {
    case 'STARTED':
    case 'ARRIVED':
      return 'IN PROGRESS';
    case 'COMPLETED':
    case 'DEPARTED':
      return 'COMPLETED';
    case 'DISCONTINUED':
      return 'CANCELED';
    default:
      return 'SCHEDULED';
  }
}

/**
 * A UID for the workitem of an order that stays the same across queries: the worklist has no UID of
 * its own, so it is derived (as a 2.25 UUID-style UID) from what identifies the scheduled step.
 */
export function workitemUid(item: MwlItem): string {
  const step = items(item, 'ScheduledProcedureStepSequence')[0];
  const key = [
    text(item, 'StudyInstanceUID'),
    text(item, 'AccessionNumber'),
    text(item, 'RequestedProcedureID'),
    text(step, 'ScheduledProcedureStepID'),
    text(item, 'PatientID'),
  ].join('|');
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `2.25.${BigInt(`0x${digest}`).toString()}`;
}

function codeSequence(item: MwlItem | undefined): DicomJsonObject[] {
  return items(item, 'RequestedProcedureCodeSequence')
    .concat(items(item, 'ScheduledProtocolCodeSequence'))
    .flatMap((c) =>
      code(text(c, 'CodeValue'), text(c, 'CodingSchemeDesignator') ?? '99LOCAL', text(c, 'CodeMeaning')),
    );
}

/** The UPS workitem (DICOM JSON) for one MWL answer: patient, schedule, station and the request. */
export function workitemFromMwl(item: MwlItem): DicomJsonObject {
  const step = items(item, 'ScheduledProcedureStepSequence')[0];
  const date = text(step, 'ScheduledProcedureStepStartDate');
  const time = text(step, 'ScheduledProcedureStepStartTime');
  const modality = text(step, 'Modality');
  const station = text(step, 'ScheduledStationName');
  const stationAet = text(step, 'ScheduledStationAETitle');
  const performer = text(step, 'ScheduledPerformingPhysicianName');

  const request: DicomJsonObject = {
    [tagOf('AccessionNumber')]: attr('SH', text(item, 'AccessionNumber')),
    [tagOf('ReferringPhysicianName')]: personName(text(item, 'ReferringPhysicianName')),
    [tagOf('StudyInstanceUID')]: attr('UI', text(item, 'StudyInstanceUID')),
    [tagOf('RequestedProcedureDescription')]: attr('LO', text(item, 'RequestedProcedureDescription')),
    [tagOf('RequestedProcedureCodeSequence')]: sequence(
      items(item, 'RequestedProcedureCodeSequence').flatMap((c) =>
        code(text(c, 'CodeValue'), text(c, 'CodingSchemeDesignator') ?? '99LOCAL', text(c, 'CodeMeaning')),
      ),
    ),
    [tagOf('RequestedProcedureID')]: attr('SH', text(item, 'RequestedProcedureID')),
  };

  return {
    [tagOf('SpecificCharacterSet')]: attr('CS', 'ISO_IR 192'),
    [tagOf('SOPClassUID')]: attr('UI', UPS_PUSH_SOP_CLASS),
    [tagOf('SOPInstanceUID')]: attr('UI', workitemUid(item)),
    [tagOf('PatientName')]: personName(text(item, 'PatientName')),
    [tagOf('PatientID')]: attr('LO', text(item, 'PatientID')),
    [tagOf('IssuerOfPatientID')]: attr('LO', text(item, 'IssuerOfPatientID')),
    [tagOf('PatientBirthDate')]: attr('DA', text(item, 'PatientBirthDate')),
    [tagOf('PatientSex')]: attr('CS', text(item, 'PatientSex')),
    [tagOf('ProcedureStepState')]: attr('CS', stateOf(text(step, 'ScheduledProcedureStepStatus'))),
    [tagOf('ScheduledProcedureStepPriority')]: attr('CS', 'MEDIUM'),
    [tagOf('WorklistLabel')]: attr('LO', station ?? stationAet),
    [tagOf('ProcedureStepLabel')]: attr(
      'LO',
      text(step, 'ScheduledProcedureStepDescription') ?? text(item, 'RequestedProcedureDescription'),
    ),
    [tagOf('ScheduledProcedureStepStartDateTime')]: attr('DT', date ? `${date}${time ?? ''}` : undefined),
    [tagOf('ScheduledWorkitemCodeSequence')]: sequence(
      codeSequence(step).concat(codeSequence(item)).slice(0, 1),
    ),
    // The station is named by its AE title (the code) and its human name (the meaning).
    [tagOf('ScheduledStationNameCodeSequence')]: sequence(code(stationAet ?? station, '99FOVEA-AE', station)),
    // The kind of station is its modality, from DICOM's modality codes (CID 29).
    [tagOf('ScheduledStationClassCodeSequence')]: sequence(code(modality, 'DCM', modality)),
    [tagOf('ScheduledHumanPerformersSequence')]: sequence(
      performer ? [{ [tagOf('HumanPerformerName')]: personName(performer) }] : [],
    ),
    [tagOf('InputReadinessState')]: attr('CS', 'READY'),
    [tagOf('ReferencedRequestSequence')]: sequence([request]),
  };
}

/** The keys every MWL query asks for, so that each answer carries what the workitem needs. */
export function mwlReturnKeys(): MwlItem {
  return {
    SpecificCharacterSet: '',
    AccessionNumber: '',
    ReferringPhysicianName: '',
    PatientName: '',
    PatientID: '',
    IssuerOfPatientID: '',
    PatientBirthDate: '',
    PatientSex: '',
    StudyInstanceUID: '',
    RequestedProcedureDescription: '',
    RequestedProcedureID: '',
    RequestedProcedureCodeSequence: [],
    ScheduledProcedureStepSequence: [
      {
        Modality: '',
        ScheduledStationAETitle: '',
        ScheduledStationName: '',
        ScheduledProcedureStepStartDate: '',
        ScheduledProcedureStepStartTime: '',
        ScheduledProcedureStepDescription: '',
        ScheduledProcedureStepID: '',
        ScheduledPerformingPhysicianName: '',
        ScheduledProcedureStepStatus: '',
      },
    ],
  };
}
