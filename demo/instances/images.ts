import {
  DEMO_CR,
  DEMO_CT,
  DEMO_FUNDUS,
  DEMO_MR,
  DEMO_THICKNESS_MAP,
  DEMO_US,
  SOP_CLASSES,
} from '../catalog/images';
import type { Dataset } from '../dicom/writer';
import { chestRadiograph } from '../phantoms/cr';
import { ctSlice } from '../phantoms/ct';
import { fundusPhoto } from '../phantoms/fundus';
import { mrSlice } from '../phantoms/mr';
import { thicknessMap, thicknessPalette } from '../phantoms/thicknessMap';
import { ultrasoundFrame } from '../phantoms/us';
import { demoUid } from '../uids';
import {
  greyPixels,
  patientAndStudy,
  seriesAndEquipment,
  sopCommon,
  type SeriesContext,
  type StudyContext,
} from './common';

const frameOfReference = (study: StudyContext): Dataset => ({
  FrameOfReferenceUID: demoUid(`study/${study.key}/frame-of-reference`),
  PositionReferenceIndicator: '',
});

/** One slice (0-based z) of the CT phantom (CT Image IOD, PS3.3 A.3). */
export function ctImage(
  study: StudyContext,
  series: SeriesContext,
  z: number,
  sopInstanceUID: string,
): Dataset {
  const [x0, y0] = DEMO_CT.firstImagePosition;
  const location = -z * DEMO_CT.sliceSpacingMm;
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Phantom CT'),
    ...sopCommon(SOP_CLASSES.ctImage, sopInstanceUID, z + 1, study),
    ...frameOfReference(study),
    PatientPosition: 'HFS',
    BodyPartExamined: 'CHEST',
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    AcquisitionNumber: 1,
    KVP: 120,
    XRayTubeCurrent: 200,
    ConvolutionKernel: 'STANDARD',
    SliceThickness: DEMO_CT.sliceThicknessMm,
    SpacingBetweenSlices: DEMO_CT.sliceSpacingMm,
    ImagePositionPatient: [x0, y0, location],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    SliceLocation: location,
    PixelSpacing: [DEMO_CT.pixelSpacingMm, DEMO_CT.pixelSpacingMm],
    ...greyPixels(DEMO_CT.rows, DEMO_CT.columns, DEMO_CT.bitsStored, true),
    PixelPaddingValue: DEMO_CT.paddingStoredValue,
    RescaleIntercept: DEMO_CT.rescaleIntercept,
    RescaleSlope: DEMO_CT.rescaleSlope,
    RescaleType: 'HU',
    WindowCenter: DEMO_CT.windows.map((w) => w.center),
    WindowWidth: DEMO_CT.windows.map((w) => w.width),
    WindowCenterWidthExplanation: DEMO_CT.windows.map((w) => w.explanation),
    PixelData: ctSlice(z),
  };
}

/** One slice (0-based z) of the brain phantom (MR Image IOD, PS3.3 A.4). */
export function mrImage(
  study: StudyContext,
  series: SeriesContext,
  z: number,
  sopInstanceUID: string,
): Dataset {
  const half = ((DEMO_MR.columns - 1) / 2) * DEMO_MR.pixelSpacingMm;
  const location = (z - (DEMO_MR.slices - 1) / 2) * DEMO_MR.sliceSpacingMm;
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Phantom MR'),
    ...sopCommon(SOP_CLASSES.mrImage, sopInstanceUID, z + 1, study),
    ...frameOfReference(study),
    PatientPosition: 'HFS',
    BodyPartExamined: 'BRAIN',
    ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'],
    AcquisitionNumber: 1,
    ScanningSequence: 'SE',
    SequenceVariant: 'NONE',
    ScanOptions: '',
    MRAcquisitionType: '2D',
    RepetitionTime: 500,
    EchoTime: 12,
    EchoTrainLength: 1,
    MagneticFieldStrength: 1.5,
    ImagedNucleus: '1H',
    SliceThickness: DEMO_MR.sliceThicknessMm,
    SpacingBetweenSlices: DEMO_MR.sliceSpacingMm,
    ImagePositionPatient: [-half, -half, location],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    SliceLocation: location,
    PixelSpacing: [DEMO_MR.pixelSpacingMm, DEMO_MR.pixelSpacingMm],
    ...greyPixels(DEMO_MR.rows, DEMO_MR.columns, DEMO_MR.bitsStored, false),
    WindowCenter: DEMO_MR.window.center,
    WindowWidth: DEMO_MR.window.width,
    PixelData: mrSlice(z),
  };
}

/** The PA chest radiograph (CR Image IOD, PS3.3 A.2), MONOCHROME1. */
export function crImage(study: StudyContext, series: SeriesContext, sopInstanceUID: string): Dataset {
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Phantom CR'),
    ...sopCommon(SOP_CLASSES.crImage, sopInstanceUID, 1, study),
    BodyPartExamined: 'CHEST',
    ViewPosition: 'PA',
    ImageType: ['ORIGINAL', 'PRIMARY'],
    PatientOrientation: ['L', 'F'],
    AcquisitionNumber: 1,
    KVP: 125,
    DistanceSourceToDetector: 1800,
    ImagerPixelSpacing: [DEMO_CR.pixelSpacingMm, DEMO_CR.pixelSpacingMm],
    PixelSpacing: [DEMO_CR.pixelSpacingMm, DEMO_CR.pixelSpacingMm],
    ...greyPixels(DEMO_CR.rows, DEMO_CR.columns, DEMO_CR.bitsStored, false),
    PhotometricInterpretation: DEMO_CR.photometricInterpretation,
    WindowCenter: DEMO_CR.window.center,
    WindowWidth: DEMO_CR.window.width,
    PixelData: chestRadiograph(),
  };
}

/** Where the sector lies and how large a pixel is (US Region Calibration, PS3.3 C.8.5.5), for measurements. */
const ultrasoundRegion = (): Dataset[] => [
  {
    RegionSpatialFormat: 1,
    RegionDataType: 1,
    RegionFlags: 0,
    RegionLocationMinX0: 0,
    RegionLocationMinY0: 0,
    RegionLocationMaxX1: DEMO_US.columns - 1,
    RegionLocationMaxY1: DEMO_US.rows - 1,
    PhysicalUnitsXDirection: 3,
    PhysicalUnitsYDirection: 3,
    PhysicalDeltaX: 0.03,
    PhysicalDeltaY: 0.03,
  },
];

const ultrasoundImage = (): Dataset => ({
  BodyPartExamined: 'HEART',
  ImageType: ['ORIGINAL', 'PRIMARY'],
  ...greyPixels(DEMO_US.rows, DEMO_US.columns, 8, false),
  LossyImageCompression: '00',
  SequenceOfUltrasoundRegions: ultrasoundRegion(),
});

/** The beating-chamber cine as one multi-frame instance (US Multi-frame Image IOD, PS3.3 A.7). */
export function ultrasoundCine(study: StudyContext, series: SeriesContext, sopInstanceUID: string): Dataset {
  const frameBytes = DEMO_US.rows * DEMO_US.columns;
  const pixels = new Uint8Array(frameBytes * DEMO_US.frames);
  for (let f = 0; f < DEMO_US.frames; f++) pixels.set(ultrasoundFrame(f), f * frameBytes);
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Phantom US'),
    ...sopCommon(SOP_CLASSES.usMultiFrameImage, sopInstanceUID, 1, study),
    ...ultrasoundImage(),
    NumberOfFrames: DEMO_US.frames,
    FrameIncrementPointer: 0x00181063, // FrameTime (0018,1063)
    FrameTime: DEMO_US.frameTimeMs,
    CineRate: DEMO_US.cineRate,
    RecommendedDisplayFrameRate: DEMO_US.cineRate,
    EffectiveDuration: (DEMO_US.frames * DEMO_US.frameTimeMs) / 1000,
    PixelData: pixels,
  };
}

/** One frame of the cine as a single-frame instance (US Image IOD, PS3.3 A.6). */
export function ultrasoundFrameImage(
  study: StudyContext,
  series: SeriesContext,
  frame: number,
  sopInstanceUID: string,
  instanceNumber: number,
): Dataset {
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Phantom US'),
    ...sopCommon(SOP_CLASSES.usImage, sopInstanceUID, instanceNumber, study),
    ...ultrasoundImage(),
    PixelData: ultrasoundFrame(frame),
  };
}

const EYE_STRUCTURE = { CodeValue: '81745001', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Eye' };
const FUNDUS_CAMERA = { CodeValue: '409898007', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Fundus Camera' };

export interface FundusImageOptions {
  eye: 'R' | 'L';
  size: number;
  cupDiscRatio: number;
  instanceNumber: number;
}

/** A colour fundus photograph (Ophthalmic Photography 8 Bit Image IOD, PS3.3 A.39). */
export function fundusImage(
  study: StudyContext,
  series: SeriesContext,
  options: FundusImageOptions,
  sopInstanceUID: string,
): Dataset {
  const { eye, size, cupDiscRatio, instanceNumber } = options;
  // About 12 µm of retina per pixel at 1024 pixels for a 45° camera.
  const spacing = Number(((0.012 * 1024) / size).toFixed(4));
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea Fundus 45'),
    ...sopCommon(SOP_CLASSES.ophthalmicPhotography8Bit, sopInstanceUID, instanceNumber, study),
    // Synchronization module: the camera has no external trigger.
    SynchronizationFrameOfReferenceUID: demoUid(`study/${study.key}/synchronization`),
    SynchronizationTrigger: 'NO TRIGGER',
    AcquisitionTimeSynchronized: 'N',
    // Ophthalmic Photography Image module.
    ImageType: ['ORIGINAL', 'PRIMARY'],
    SamplesPerPixel: 3,
    PhotometricInterpretation: 'RGB',
    PlanarConfiguration: 0,
    Rows: size,
    Columns: size,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelSpacing: [spacing, spacing],
    AcquisitionDateTime: `${study.date}${study.time}`,
    LossyImageCompression: '00',
    BurnedInAnnotation: 'NO',
    // Multi-frame module: one frame.
    NumberOfFrames: 1,
    FrameIncrementPointer: 0x00181063, // FrameTime (0018,1063)
    FrameTime: 0,
    // Ocular Region Imaged module.
    ImageLaterality: eye,
    AnatomicRegionSequence: [EYE_STRUCTURE],
    // Ophthalmic Photography Acquisition Parameters module.
    PatientEyeMovementCommanded: 'NO',
    HorizontalFieldOfView: DEMO_FUNDUS.fieldOfViewDegrees,
    RefractiveStateSequence: [],
    EmmetropicMagnification: null,
    IntraOcularPressure: null,
    PupilDilated: 'NO',
    // Ophthalmic Photographic Parameters module.
    AcquisitionDeviceTypeCodeSequence: [FUNDUS_CAMERA],
    IlluminationTypeCodeSequence: [],
    LightPathFilterTypeStackCodeSequence: [],
    ImagePathFilterTypeStackCodeSequence: [],
    LensesCodeSequence: [],
    DetectorType: 'CCD',
    PixelData: fundusPhoto({
      size,
      eye,
      cupDiscRatio,
      seed: seedOf(study.patient.key) + (eye === 'R' ? 0 : 1),
    }),
  };
}

/**
 * The macular thickness map of an OCT scan, exported as a Secondary Capture (PS3.3 A.8.1) in
 * PALETTE COLOR: the Image Pixel module's palette (C.7.6.3) with 256 entries of 16 bits, the first
 * for stored value 0.
 */
export function thicknessMapImage(
  study: StudyContext,
  series: SeriesContext,
  sopInstanceUID: string,
): Dataset {
  const { rows, columns, pixelSpacingMm } = DEMO_THICKNESS_MAP;
  // 256 entries, first mapped value 0, 16 bits per entry (C.7.6.3.1.5).
  const descriptor = [256, 0, 16];
  return {
    ...patientAndStudy(study),
    ...seriesAndEquipment(study, series, 'Fovea OCT'),
    ...sopCommon(SOP_CLASSES.secondaryCapture, sopInstanceUID, 1, study),
    // SC Equipment module: made by a workstation from the OCT volume.
    ConversionType: 'WSD',
    ImageType: ['DERIVED', 'SECONDARY'],
    ImageLaterality: DEMO_THICKNESS_MAP.eye,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'PALETTE COLOR',
    Rows: rows,
    Columns: columns,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelSpacing: [pixelSpacingMm, pixelSpacingMm],
    RedPaletteColorLookupTableDescriptor: descriptor,
    GreenPaletteColorLookupTableDescriptor: descriptor,
    BluePaletteColorLookupTableDescriptor: descriptor,
    RedPaletteColorLookupTableData: thicknessPalette(0),
    GreenPaletteColorLookupTableData: thicknessPalette(1),
    BluePaletteColorLookupTableData: thicknessPalette(2),
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    PixelData: thicknessMap(),
  };
}

/** Each person has their own vessel tree, the same in every photograph. */
function seedOf(key: string): number {
  let h = 7;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
