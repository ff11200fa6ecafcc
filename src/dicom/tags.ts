/**
 * The attributes Fovea reads, by DICOM keyword (PS3.6). DICOM JSON keys attributes by the tag as eight
 * upper-case hex digits; every other module names them by keyword so that code reads like the standard.
 * tags.test.ts checks each entry against the dictionary in dcmjs.
 */
export const TAGS = {
  TransferSyntaxUID: '00020010',
  SpecificCharacterSet: '00080005',
  ImageType: '00080008',
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  StudyDate: '00080020',
  SeriesDate: '00080021',
  AcquisitionDate: '00080022',
  ContentDate: '00080023',
  AcquisitionDateTime: '0008002A',
  StudyTime: '00080030',
  SeriesTime: '00080031',
  AccessionNumber: '00080050',
  Modality: '00080060',
  ModalitiesInStudy: '00080061',
  SOPClassesInStudy: '00080062',
  InstitutionName: '00080080',
  ReferringPhysicianName: '00080090',
  CodeValue: '00080100',
  CodeMeaning: '00080104',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  AvailableTransferSyntaxUID: '00083002',
  PatientName: '00100010',
  PatientID: '00100020',
  IssuerOfPatientID: '00100021',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  PatientAge: '00101010',
  BodyPartExamined: '00180015',
  SliceThickness: '00180050',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  StudyID: '00200010',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  ImagePositionPatient: '00200032',
  ImageOrientationPatient: '00200037',
  FrameOfReferenceUID: '00200052',
  Laterality: '00200060',
  ImageLaterality: '00200062',
  NumberOfStudyRelatedSeries: '00201206',
  NumberOfStudyRelatedInstances: '00201208',
  NumberOfSeriesRelatedInstances: '00201209',
  SamplesPerPixel: '00280002',
  PhotometricInterpretation: '00280004',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  PixelSpacing: '00280030',
  BitsAllocated: '00280100',
  BitsStored: '00280101',
  PixelRepresentation: '00280103',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
  RequestedProcedureDescription: '00321060',
  RequestedProcedureID: '00401001',
  ScheduledProcedureStepStartDateTime: '00404005',
  ScheduledWorkitemCodeSequence: '00404018',
  ScheduledStationNameCodeSequence: '00404025',
  ScheduledStationClassCodeSequence: '00404026',
  ReferencedRequestSequence: '0040A370',
  DocumentTitle: '00420010',
  MIMETypeOfEncapsulatedDocument: '00420012',
  ProcedureStepState: '00741000',
  WorklistLabel: '00741202',
  ProcedureStepLabel: '00741204',
  FloatPixelData: '7FE00008',
  DoubleFloatPixelData: '7FE00009',
  PixelData: '7FE00010',
} as const;

export type Keyword = keyof typeof TAGS;

/** A tag as DICOM JSON writes it, e.g. "0020000D". Keywords start with a capital letter, tags with a digit. */
export type HexTag = `${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}${string}`;

export type AttributeKey = Keyword | HexTag;

const HEX_TAG = /^[0-9A-F]{8}$/;

/** The DICOM JSON key for a keyword or a hex tag (upper-cased). */
export function tagOf(key: AttributeKey): string {
  if (Object.hasOwn(TAGS, key)) return TAGS[key as Keyword];
  const upper = key.toUpperCase();
  if (!HEX_TAG.test(upper)) throw new Error(`Not a DICOM keyword or tag: ${key}`);
  return upper;
}
