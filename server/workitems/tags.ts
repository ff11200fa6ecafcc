// Tags and VRs of the UPS workitem attributes Fovea writes, checked against the DICOM dictionary
// (dcmtk's dicom.dic): keyword → [tag, VR].
export const UPS_TAGS = {
  SpecificCharacterSet: ['00080005', 'CS'],
  SOPClassUID: ['00080016', 'UI'],
  SOPInstanceUID: ['00080018', 'UI'],
  AccessionNumber: ['00080050', 'SH'],
  ReferringPhysicianName: ['00080090', 'PN'],
  CodeValue: ['00080100', 'SH'],
  CodingSchemeDesignator: ['00080102', 'SH'],
  CodeMeaning: ['00080104', 'LO'],
  PatientName: ['00100010', 'PN'],
  PatientID: ['00100020', 'LO'],
  IssuerOfPatientID: ['00100021', 'LO'],
  PatientBirthDate: ['00100030', 'DA'],
  PatientSex: ['00100040', 'CS'],
  StudyInstanceUID: ['0020000D', 'UI'],
  RequestedProcedureDescription: ['00321060', 'LO'],
  RequestedProcedureCodeSequence: ['00321064', 'SQ'],
  RequestedProcedureID: ['00401001', 'SH'],
  ScheduledProcedureStepStartDateTime: ['00404005', 'DT'],
  ScheduledWorkitemCodeSequence: ['00404018', 'SQ'],
  ScheduledStationNameCodeSequence: ['00404025', 'SQ'],
  ScheduledStationClassCodeSequence: ['00404026', 'SQ'],
  ScheduledHumanPerformersSequence: ['00404034', 'SQ'],
  HumanPerformerCodeSequence: ['00404009', 'SQ'],
  HumanPerformerName: ['00404037', 'PN'],
  InputReadinessState: ['00404041', 'CS'],
  ReferencedRequestSequence: ['0040A370', 'SQ'],
  ProcedureStepState: ['00741000', 'CS'],
  ScheduledProcedureStepPriority: ['00741200', 'CS'],
  WorklistLabel: ['00741202', 'LO'],
  ProcedureStepLabel: ['00741204', 'LO'],
} as const satisfies Record<string, readonly [string, string]>;

export type UpsKeyword = keyof typeof UPS_TAGS;

export const UPS_PUSH_SOP_CLASS = '1.2.840.10008.5.1.4.34.6.1';

export function tagOf(keyword: UpsKeyword): string {
  return UPS_TAGS[keyword][0];
}

/** Keyword for a tag or keyword given in a query (`00100010` or `PatientName`), if Fovea knows it. */
export function keywordOf(key: string): UpsKeyword | undefined {
  if (key in UPS_TAGS) return key as UpsKeyword;
  const upper = key.toUpperCase();
  return (Object.keys(UPS_TAGS) as UpsKeyword[]).find((keyword) => UPS_TAGS[keyword][0] === upper);
}
