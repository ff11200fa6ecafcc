import { DEMO_INSTITUTION, type DemoPatient } from '../catalog/patients';
import type { Dataset } from '../dicom/writer';
import { specificCharacterSetValue } from '../dicom/charsets';
import type { Code } from '../visualField/model';

/** The study an instance belongs to, with the demographics as the modality recorded them. */
export interface StudyContext {
  /** Names the study in UIDs derived for it. */
  key: string;
  patient: DemoPatient;
  /** Patient attributes the modality recorded differently from the registration (mismatch tests). */
  recorded?: Partial<{ name: string; id: string; birthDate: string }>;
  studyInstanceUID: string;
  date: string;
  time: string;
  description: string;
  accessionNumber: string;
  referringPhysician: string;
}

export interface SeriesContext {
  number: number;
  seriesInstanceUID: string;
  modality: string;
  description: string;
}

/** A dataset to write, named by a file name unique in its build directory. */
export interface DemoInstance {
  name: string;
  dataset: Dataset;
}

export const codeItem = (code: Code): Dataset => ({
  CodeValue: code.value,
  CodingSchemeDesignator: code.scheme,
  CodeMeaning: code.meaning,
});

/** Patient and General Study modules (PS3.3 C.7.1.1, C.7.2.1) and the character set they are written in. */
export function patientAndStudy(study: StudyContext): Dataset {
  const recorded = {
    name: study.patient.name,
    id: study.patient.id,
    birthDate: study.patient.birthDate,
    ...study.recorded,
  };
  return {
    SpecificCharacterSet: specificCharacterSetValue(study.patient.charset),
    PatientName: recorded.name,
    PatientID: recorded.id,
    IssuerOfPatientID: 'FOVEA',
    PatientBirthDate: recorded.birthDate,
    PatientSex: study.patient.sex,
    StudyInstanceUID: study.studyInstanceUID,
    StudyDate: study.date,
    StudyTime: study.time,
    StudyID: study.key
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 16)
      .toUpperCase(),
    AccessionNumber: study.accessionNumber,
    ReferringPhysicianName: study.referringPhysician,
    StudyDescription: study.description,
  };
}

/** General Series and General Equipment modules (PS3.3 C.7.3.1, C.7.5.1). */
export function seriesAndEquipment(study: StudyContext, series: SeriesContext, model: string): Dataset {
  return {
    SeriesInstanceUID: series.seriesInstanceUID,
    SeriesNumber: series.number,
    SeriesDate: study.date,
    SeriesTime: study.time,
    Modality: series.modality,
    SeriesDescription: series.description,
    Manufacturer: 'Fovea Demo',
    ManufacturerModelName: model,
    DeviceSerialNumber: `FD-${series.modality}-0001`,
    SoftwareVersions: 'fovea-demo',
    InstitutionName: DEMO_INSTITUTION,
  };
}

/** SOP Common module (PS3.3 C.12.1) with the image-level dates. */
export function sopCommon(
  sopClassUID: string,
  sopInstanceUID: string,
  instanceNumber: number,
  study: StudyContext,
): Dataset {
  return {
    SOPClassUID: sopClassUID,
    SOPInstanceUID: sopInstanceUID,
    InstanceNumber: instanceNumber,
    InstanceCreationDate: study.date,
    InstanceCreationTime: study.time,
    ContentDate: study.date,
    ContentTime: study.time,
  };
}

/** Image Pixel module attributes of a single-sample (grey) image (PS3.3 C.7.6.3). */
export function greyPixels(rows: number, columns: number, bitsStored: number, signed: boolean): Dataset {
  return {
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: rows,
    Columns: columns,
    BitsAllocated: bitsStored > 8 ? 16 : 8,
    BitsStored: bitsStored,
    HighBit: bitsStored - 1,
    PixelRepresentation: signed ? 1 : 0,
  };
}
