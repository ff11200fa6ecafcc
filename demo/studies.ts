import { DEMO_CT, demoPatient, type DemoPatient } from './catalog';
import type { Dataset } from './part10';
import { buildPdf } from './pdf';
import { chestRadiograph, ctSlice, fundusPhoto, mrSlice, ultrasoundFrame } from './phantoms';
import { demoUid } from './uids';
import { visualFieldAttributes, type VisualFieldResult } from './visualField';

export const SOP = {
  ct: '1.2.840.10008.5.1.4.1.1.2',
  mr: '1.2.840.10008.5.1.4.1.1.4',
  cr: '1.2.840.10008.5.1.4.1.1.1',
  usMultiframe: '1.2.840.10008.5.1.4.1.1.3.1',
  us: '1.2.840.10008.5.1.4.1.1.6.1',
  op8: '1.2.840.10008.5.1.4.1.1.77.1.5.1',
  pdf: '1.2.840.10008.5.1.4.1.1.104.1',
  opv: '1.2.840.10008.5.1.4.1.1.80.1',
} as const;

/** One instance to write: a file name (unique in the build) and its dataset. */
export interface DemoInstance {
  name: string;
  dataset: Dataset;
}

export interface StudyInfo {
  key: string;
  patient: DemoPatient;
  /** Overrides of the patient's demographics as the modality recorded them (for mismatches). */
  recorded?: Partial<Pick<DemoPatient, 'name' | 'id' | 'birthDate' | 'sex'>>;
  studyInstanceUID: string;
  date: string;
  time: string;
  description: string;
  accessionNumber: string;
}

export function studyAttributes(study: StudyInfo): Dataset {
  const p = { ...study.patient, ...study.recorded };
  return {
    SpecificCharacterSet: study.patient.charset,
    PatientName: p.name,
    PatientID: p.id,
    PatientBirthDate: p.birthDate,
    PatientSex: p.sex,
    StudyInstanceUID: study.studyInstanceUID,
    StudyDate: study.date,
    StudyTime: study.time,
    StudyID: study.key.slice(0, 16).toUpperCase(),
    AccessionNumber: study.accessionNumber,
    ReferringPhysicianName: 'Grey^Meredith',
    StudyDescription: study.description,
    InstitutionName: 'Fovea Eye & Imaging Clinic',
  };
}

function seriesAttributes(study: StudyInfo, number: number, modality: string, description: string): Dataset {
  return {
    SeriesInstanceUID: demoUid(`${study.key}/series/${number}`),
    SeriesNumber: number,
    SeriesDate: study.date,
    SeriesTime: study.time,
    Modality: modality,
    SeriesDescription: description,
    Manufacturer: 'Fovea Demo',
  };
}

function instance(
  study: StudyInfo,
  series: Dataset,
  sopClass: string,
  number: number,
  extra: Dataset,
): DemoInstance {
  const sopInstanceUID = demoUid(`${study.key}/${String(series.SeriesNumber)}/${number}`);
  return {
    name: `${study.key}-s${String(series.SeriesNumber)}-${String(number).padStart(4, '0')}`,
    dataset: {
      ...studyAttributes(study),
      ...series,
      SOPClassUID: sopClass,
      SOPInstanceUID: sopInstanceUID,
      InstanceNumber: number,
      ContentDate: study.date,
      ContentTime: study.time,
      ...extra,
    },
  };
}

const grey = (rows: number, columns: number, bits: number, signed = false): Dataset => ({
  SamplesPerPixel: 1,
  PhotometricInterpretation: 'MONOCHROME2',
  Rows: rows,
  Columns: columns,
  BitsAllocated: bits > 8 ? 16 : 8,
  BitsStored: bits,
  HighBit: bits - 1,
  PixelRepresentation: signed ? 1 : 0,
});

export function ctStudy(): StudyInfo {
  return {
    key: 'ct',
    patient: demoPatient(DEMO_CT.patient),
    studyInstanceUID: DEMO_CT.studyInstanceUID,
    date: DEMO_CT.studyDate,
    time: '101500',
    description: DEMO_CT.description,
    accessionNumber: DEMO_CT.accessionNumber,
  };
}

/** The CT phantom series; `slices` limits it (the codec study takes one slice). */
export function* ctInstances(study = ctStudy(), slices: Iterable<number> = range(DEMO_CT.slices)) {
  const series = {
    ...seriesAttributes(study, 1, 'CT', 'Axial 1.25 mm'),
    SeriesInstanceUID: DEMO_CT.seriesInstanceUID,
  };
  const half = (DEMO_CT.columns / 2) * DEMO_CT.pixelSpacingMm;
  for (const z of slices) {
    yield ctSliceInstance(study, series, z, half);
  }
}

export function ctSliceInstance(study: StudyInfo, series: Dataset, z: number, half = 179.2): DemoInstance {
  return instance(study, series, SOP.ct, z + 1, {
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    KVP: 120,
    SliceThickness: DEMO_CT.sliceSpacingMm,
    SpacingBetweenSlices: DEMO_CT.sliceSpacingMm,
    PatientPosition: 'HFS',
    ImagePositionPatient: [-half, -half, -z * DEMO_CT.sliceSpacingMm],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    FrameOfReferenceUID: demoUid(`${study.key}/frame-of-reference`),
    SliceLocation: -z * DEMO_CT.sliceSpacingMm,
    ...grey(DEMO_CT.rows, DEMO_CT.columns, 16, true),
    PixelSpacing: [DEMO_CT.pixelSpacingMm, DEMO_CT.pixelSpacingMm],
    WindowCenter: DEMO_CT.windows.map((w) => w.center),
    WindowWidth: DEMO_CT.windows.map((w) => w.width),
    WindowCenterWidthExplanation: DEMO_CT.windows.map((w) => w.explanation),
    RescaleIntercept: DEMO_CT.rescaleIntercept,
    RescaleSlope: DEMO_CT.rescaleSlope,
    RescaleType: 'HU',
    PixelPaddingValue: undefined,
    PixelData: ctSlice(z),
  });
}

export const MR_SLICES = 24;
export function* mrInstances(study: StudyInfo, slices: Iterable<number> = range(MR_SLICES)) {
  const series = seriesAttributes(study, 1, 'MR', 'T1 axial');
  for (const z of slices) {
    yield instance(study, series, SOP.mr, z + 1, {
      ImageType: ['ORIGINAL', 'PRIMARY', 'M'],
      ScanningSequence: 'SE',
      SequenceVariant: 'NONE',
      ScanOptions: '',
      MRAcquisitionType: '2D',
      RepetitionTime: 500,
      EchoTime: 12,
      MagneticFieldStrength: 1.5,
      SliceThickness: 5,
      ImagePositionPatient: [-115, -115, z * 5],
      ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      FrameOfReferenceUID: demoUid(`${study.key}/frame-of-reference`),
      ...grey(256, 256, 16),
      PixelSpacing: [0.9, 0.9],
      WindowCenter: 500,
      WindowWidth: 1000,
      PixelData: mrSlice(z, MR_SLICES),
    });
  }
}

export function crInstance(study: StudyInfo, columns = 1024, rows = 1280): DemoInstance {
  const series = seriesAttributes(study, 1, 'CR', 'Chest PA');
  return instance(study, series, SOP.cr, 1, {
    ImageType: ['ORIGINAL', 'PRIMARY'],
    BodyPartExamined: 'CHEST',
    ViewPosition: 'PA',
    ...grey(rows, columns, 12),
    PhotometricInterpretation: 'MONOCHROME1',
    PixelSpacing: [0.35, 0.35],
    ImagerPixelSpacing: [0.35, 0.35],
    WindowCenter: 2048,
    WindowWidth: 3600,
    PixelData: chestRadiograph(columns, rows),
  });
}

export const US_FRAMES = 40;
export function usCineInstance(study: StudyInfo): DemoInstance {
  const series = seriesAttributes(study, 1, 'US', 'Cardiac cine');
  const frameBytes = 640 * 480;
  const pixels = new Uint8Array(frameBytes * US_FRAMES);
  for (let f = 0; f < US_FRAMES; f++) pixels.set(ultrasoundFrame(f), f * frameBytes);
  return instance(study, series, SOP.usMultiframe, 1, {
    ImageType: ['ORIGINAL', 'PRIMARY'],
    ...grey(480, 640, 8),
    NumberOfFrames: US_FRAMES,
    FrameIncrementPointer: 0x00181063, // FrameTime
    FrameTime: 33.3,
    CineRate: 30,
    RecommendedDisplayFrameRate: 30,
    PixelData: pixels,
  });
}

export function usFrameInstance(study: StudyInfo, series: Dataset, number: number): DemoInstance {
  return instance(study, series, SOP.us, number, {
    ImageType: ['ORIGINAL', 'PRIMARY'],
    ...grey(480, 640, 8),
    PixelData: ultrasoundFrame(5),
  });
}

export function fundusInstance(
  study: StudyInfo,
  seriesNumber: number,
  eye: 'R' | 'L',
  size = 1024,
): DemoInstance {
  const series = seriesAttributes(
    study,
    seriesNumber,
    'OP',
    eye === 'R' ? 'Colour fundus OD' : 'Colour fundus OS',
  );
  return instance(study, series, SOP.op8, 1, {
    ImageType: ['ORIGINAL', 'PRIMARY'],
    ImageLaterality: eye,
    SamplesPerPixel: 3,
    PhotometricInterpretation: 'RGB',
    PlanarConfiguration: 0,
    Rows: size,
    Columns: size,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelSpacing: [0.012 * (1024 / size), 0.012 * (1024 / size)],
    AcquisitionDateTime: `${study.date}${study.time}`,
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    PixelData: fundusPhoto(size, eye),
  });
}

/** An encapsulated PDF report whose text names the patient, the date and the findings. */
export function pdfReportInstance(
  study: StudyInfo,
  seriesNumber: number,
  title: string,
  findings: string[],
): DemoInstance {
  const series = seriesAttributes(study, seriesNumber, 'DOC', title);
  const patient = { ...study.patient, ...study.recorded };
  const latin = (text: string) => text.split('=')[0]!.replace(/\^/g, ' ');
  const date = `${study.date.slice(0, 4)}-${study.date.slice(4, 6)}-${study.date.slice(6, 8)}`;
  const lines = [
    { x: 56, y: 780, size: 18, text: title, bold: true },
    {
      x: 56,
      y: 752,
      size: 11,
      text: `Patient: ${latin(patient.name)}    ID: ${patient.id}    Born: ${patient.birthDate}`,
    },
    { x: 56, y: 736, size: 11, text: `Study date: ${date}    Accession: ${study.accessionNumber || 'none'}` },
    { x: 56, y: 700, size: 13, text: 'Findings', bold: true },
    ...findings.map((text, i) => ({ x: 56, y: 680 - i * 18, size: 11, text })),
    {
      x: 56,
      y: 120,
      size: 9,
      text: 'Fovea Eye & Imaging Clinic - demonstration report, not for clinical use.',
    },
  ];
  const pdf = buildPdf(
    [{ texts: lines, boxes: [{ x: 40, y: 770, width: 515, height: 1, grey: 0.5 }] }],
    title,
  );
  return instance(study, series, SOP.pdf, 1, {
    ConversionType: 'WSD',
    BurnedInAnnotation: 'YES',
    DocumentTitle: title,
    ConceptNameCodeSequence: [
      { CodeValue: '18748-4', CodingSchemeDesignator: 'LN', CodeMeaning: 'Diagnostic imaging report' },
    ],
    MIMETypeOfEncapsulatedDocument: 'application/pdf',
    EncapsulatedDocumentLength: pdf.length,
    EncapsulatedDocument: new Uint8Array(pdf),
  });
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export function visualFieldInstance(
  study: StudyInfo,
  seriesNumber: number,
  result: VisualFieldResult,
): DemoInstance {
  const series = seriesAttributes(
    study,
    seriesNumber,
    'OPV',
    `Visual field 24-2 ${result.eye === 'R' ? 'OD' : 'OS'}`,
  );
  return instance(study, series, SOP.opv, 1, {
    ...visualFieldAttributes(result),
    AcquisitionDateTime: `${study.date}${study.time}`,
  });
}
