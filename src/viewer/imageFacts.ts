import { getNumber, getNumbers, hasAttribute, type DicomJsonDataset } from '../dicom';
import { DEFAULT_CINE_RATE } from './useViewportStore';

// Tags read here only, each checked against the dcmjs dictionary.
const RECOMMENDED_DISPLAY_FRAME_RATE = '00082144';
const CINE_RATE = '00180040';
const FRAME_TIME = '00181063';
const IMAGER_PIXEL_SPACING = '00181164';
const SEQUENCE_OF_ULTRASOUND_REGIONS = '00186011';

const MAX_CINE_RATE = 60;

/** The cine speed the file asks for (recommended rate, cine rate, or frame time), else a default. */
export function cineRateOf(dataset: DicomJsonDataset): number {
  const frameTime = getNumber(dataset, FRAME_TIME);
  const candidates = [
    getNumber(dataset, RECOMMENDED_DISPLAY_FRAME_RATE),
    getNumber(dataset, CINE_RATE),
    frameTime && frameTime > 0 ? 1000 / frameTime : undefined,
  ];
  const rate = candidates.find((value) => value !== undefined && Number.isFinite(value) && value > 0);
  return rate === undefined ? DEFAULT_CINE_RATE : Math.min(MAX_CINE_RATE, Math.max(1, Math.round(rate)));
}

/**
 * Whether lengths and areas can be given in mm: the image has a pixel spacing (or, for projection
 * radiographs, an imager pixel spacing; for ultrasound, calibrated regions).
 */
export function hasPixelSpacing(dataset: DicomJsonDataset): boolean {
  const spacing = getNumbers(dataset, 'PixelSpacing');
  const imager = getNumbers(dataset, IMAGER_PIXEL_SPACING);
  const valid = (values: number[]) => values.length === 2 && values.every((v) => v > 0);
  return valid(spacing) || valid(imager) || hasAttribute(dataset, SEQUENCE_OF_ULTRASOUND_REGIONS);
}
