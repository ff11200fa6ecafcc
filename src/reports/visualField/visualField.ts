import {
  getString,
  patientFromDataset,
  type DicomJsonAttribute,
  type DicomJsonDataset,
  type PatientSummary,
} from '../../dicom';
import { OPV_TAGS, type OpvKeyword } from './opvTags';

import { OPV_SOP_CLASS_UID } from '../sopClasses';

export { OPV_SOP_CLASS_UID };

export type Eye = 'R' | 'L';

export interface CodedConcept {
  value: string;
  scheme: string;
  meaning: string;
}

/** A deviation from normal (dB) and, where the perimeter computed one, its probability in percent. */
export interface Deviation {
  db: number;
  probabilityPercent?: number;
}

export interface TestPoint {
  /** Degrees from fixation, +x to the right and +y up, as the field is plotted (patient's view). */
  x: number;
  y: number;
  /** SEEN, NOT SEEN, NOT TESTED — undefined when the perimeter did not say. */
  result?: 'seen' | 'not seen' | 'not tested';
  sensitivityDb?: number;
  totalDeviation?: Deviation;
  patternDeviation?: Deviation;
}

/** A catch-trial or fixation count: how many were tried, how many went wrong, and the perimeter's verdict. */
export interface ReliabilityCount {
  trials?: number;
  errors?: number;
  /** Estimate in percent (SITA reports false answers this way instead of counts). */
  percent?: number;
  /** The perimeter judged this excessive; undefined when it did not judge. */
  excessive?: boolean;
}

export interface Stimulus {
  /** Goldmann size (I–V) when the area matches one within 10%. */
  goldmannSize?: string;
  areaSquareDegrees?: number;
  colour?: string;
  presentationMs?: number;
  maximumLuminanceCdM2?: number;
  backgroundLuminanceCdM2?: number;
  backgroundColour?: string;
}

/** One eye's static perimetry test, read from an OPV instance. Absent means not recorded. */
export interface VisualFieldTest {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  patient: PatientSummary;
  eye: Eye;
  /** DA and TM of the test. */
  date?: string;
  time?: string;
  /** "24-2", "10-2" … from the pattern code's meaning. */
  pattern?: string;
  patternCode?: CodedConcept;
  /** "SITA Standard" … */
  strategy?: string;
  strategyCode?: CodedConcept;
  stimulus: Stimulus;
  durationSeconds?: number;
  fovealSensitivityDb?: number;
  blindSpot?: { x: number; y: number };
  /** The dimmest stimulus' level: a point not seen is shown as "<this". */
  minimumSensitivityDb?: number;
  extentDegrees?: { horizontal?: number; vertical?: number };
  points: TestPoint[];
  reliability: {
    fixationMonitoring?: string;
    fixationLosses?: ReliabilityCount;
    falsePositives?: ReliabilityCount;
    falseNegatives?: ReliabilityCount;
  };
  indices: {
    meanSensitivityDb?: number;
    meanDeviation?: Deviation;
    patternStandardDeviation?: Deviation;
    visualFieldIndexPercent?: number;
    glaucomaHemifieldTest?: string;
  };
  device?: string;
}

/** An OPV instance that cannot be shown as a report; the message is for the clinician. */
export class VisualFieldDataError extends Error {
  override name = 'VisualFieldDataError';

  constructor(
    message: string,
    /** What exactly was wrong, for whoever looks after the perimeter or the PACS. */
    readonly detail: string,
  ) {
    super(message);
  }
}

const tagOf = (keyword: OpvKeyword) => OPV_TAGS[keyword].tag;

function attribute(dataset: DicomJsonDataset, keyword: OpvKeyword): DicomJsonAttribute | undefined {
  return dataset[tagOf(keyword)];
}

/**
 * A number of the dataset. A value of the wrong kind is a broken file, not a missing value: showing
 * nothing where the perimeter measured something would mislead.
 */
function num(dataset: DicomJsonDataset, keyword: OpvKeyword, where: string): number | undefined {
  const value = attribute(dataset, keyword)?.Value?.[0];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) {
    throw new VisualFieldDataError(
      'This visual field contains a value that is not a number.',
      `${keyword} ${formatTag(tagOf(keyword))} in ${where} is ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function text(dataset: DicomJsonDataset, keyword: OpvKeyword): string | undefined {
  const value = attribute(dataset, keyword)?.Value?.[0];
  if (typeof value !== 'string') return undefined;
  return value.trim() || undefined;
}

function items(dataset: DicomJsonDataset, keyword: OpvKeyword): DicomJsonDataset[] {
  const found = attribute(dataset, keyword);
  if (!found) return [];
  if (found.vr !== 'SQ') {
    throw new VisualFieldDataError(
      'This visual field is stored in a form Fovea cannot read.',
      `${keyword} ${formatTag(tagOf(keyword))} has VR ${found.vr}, expected SQ`,
    );
  }
  return (found.Value ?? []).filter(
    (item): item is DicomJsonDataset => typeof item === 'object' && item !== null && !Array.isArray(item),
  );
}

const first = (dataset: DicomJsonDataset, keyword: OpvKeyword) => items(dataset, keyword)[0];

function code(item: DicomJsonDataset | undefined): CodedConcept | undefined {
  if (!item) return undefined;
  const value = text(item, 'CodeValue');
  const meaning = text(item, 'CodeMeaning');
  if (!value && !meaning) return undefined;
  return {
    value: value ?? '',
    scheme: text(item, 'CodingSchemeDesignator') ?? '',
    meaning: meaning ?? value!,
  };
}

const formatTag = (tag: string) => `(${tag.slice(0, 4)},${tag.slice(4)})`;

/** YES / NO flags; anything else counts as not said. */
function flag(dataset: DicomJsonDataset, keyword: OpvKeyword): boolean | undefined {
  const value = text(dataset, keyword)?.toUpperCase();
  return value === 'YES' ? true : value === 'NO' ? false : undefined;
}

/** The value only when its "data flag" does not say it is absent (PS3.3 C.8.30.3.x flag/value pairs). */
function flagged<T>(dataset: DicomJsonDataset, flagKeyword: OpvKeyword, value: () => T): T | undefined {
  return flag(dataset, flagKeyword) === false ? undefined : value();
}

// Pattern codes are CID 4250 (111800–111814), strategy codes CID 4251 (111815–111843).
function isPatternCode(c: CodedConcept): boolean {
  const n = Number(c.value);
  if (c.scheme === 'DCM' && Number.isInteger(n)) return n >= 111800 && n <= 111814;
  return /pattern/i.test(c.meaning);
}
function isStrategyCode(c: CodedConcept): boolean {
  const n = Number(c.value);
  if (c.scheme === 'DCM' && Number.isInteger(n)) return n >= 111815 && n <= 111843;
  return /strategy/i.test(c.meaning);
}

/** "Visual Field 24-2 Test Pattern" → "24-2"; "Visual Field SITA-Standard Test Strategy" → "SITA Standard". */
export function shortPatternName(meaning: string): string {
  return meaning.replace(/^Visual Field\s+/i, '').replace(/\s+Test Pattern$/i, '');
}
export function shortStrategyName(meaning: string): string {
  return meaning
    .replace(/^Visual Field\s+/i, '')
    .replace(/\s+Test Strategy$/i, '')
    .replace(/^SITA-/, 'SITA ');
}

/** Goldmann stimulus sizes by diameter in degrees (0.108° for I, doubling each size). */
const GOLDMANN = ['I', 'II', 'III', 'IV', 'V'].map((size, i) => ({
  size,
  area: Math.PI * ((0.1075 * 2 ** i) / 2) ** 2,
}));

export function goldmannSize(areaSquareDegrees: number | undefined): string | undefined {
  if (areaSquareDegrees === undefined || areaSquareDegrees <= 0) return undefined;
  const match = GOLDMANN.find((g) => Math.abs(areaSquareDegrees / g.area - 1) < 0.1);
  return match?.size;
}

const STIMULUS_RESULTS: Record<string, TestPoint['result']> = {
  SEEN: 'seen',
  'NOT SEEN': 'not seen',
  'NOT TESTED': 'not tested',
};

function readPoint(item: DicomJsonDataset, index: number): TestPoint {
  const where = `test point ${index + 1}`;
  const x = num(item, 'VisualFieldTestPointXCoordinate', where);
  const y = num(item, 'VisualFieldTestPointYCoordinate', where);
  if (x === undefined || y === undefined) {
    throw new VisualFieldDataError(
      'A test point of this visual field has no position, so the maps cannot be drawn.',
      `${where}: Visual Field Test Point X/Y Coordinate (0024,0090)/(0024,0091) missing`,
    );
  }
  const normals = first(item, 'VisualFieldTestPointNormalsSequence');
  const deviation = (valueKey: OpvKeyword, probabilityKey: OpvKeyword): Deviation | undefined => {
    if (!normals) return undefined;
    const db = num(normals, valueKey, where);
    if (db === undefined) return undefined;
    const probabilityPercent = num(normals, probabilityKey, where);
    return probabilityPercent === undefined ? { db } : { db, probabilityPercent };
  };
  const resultText = text(item, 'StimulusResults')?.toUpperCase();
  return {
    x,
    y,
    result: resultText ? STIMULUS_RESULTS[resultText] : undefined,
    sensitivityDb: num(item, 'SensitivityValue', where),
    totalDeviation: deviation(
      'AgeCorrectedSensitivityDeviationValue',
      'AgeCorrectedSensitivityDeviationProbabilityValue',
    ),
    patternDeviation:
      normals && flag(normals, 'GeneralizedDefectCorrectedSensitivityDeviationFlag') === false
        ? undefined
        : deviation(
            'GeneralizedDefectCorrectedSensitivityDeviationValue',
            'GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue',
          ),
  };
}

function catchTrials(
  item: DicomJsonDataset | undefined,
  trials: OpvKeyword,
  errors: OpvKeyword,
  estimateFlag: OpvKeyword,
  estimate: OpvKeyword,
  excessiveFlag: OpvKeyword,
  excessive: OpvKeyword,
): ReliabilityCount | undefined {
  if (!item) return undefined;
  const where = 'the catch trials';
  const count: ReliabilityCount = {
    trials: num(item, trials, where),
    errors: num(item, errors, where),
    percent: flagged(item, estimateFlag, () => num(item, estimate, where)),
    excessive: flagged(item, excessiveFlag, () => flag(item, excessive)),
  };
  return Object.values(count).some((v) => v !== undefined) ? count : undefined;
}

/** The index items of Visual Field Global Results Index Sequence, by concept code value. */
function globalIndices(dataset: DicomJsonDataset): { vfi?: number; ght?: string } {
  const found: { vfi?: number; ght?: string } = {};
  for (const index of items(dataset, 'VisualFieldGlobalResultsIndexSequence')) {
    for (const observation of items(index, 'DataObservationSequence')) {
      const concept = code(first(observation, 'ConceptNameCodeSequence'));
      if (!concept) continue;
      // PS3.16 CID 4257: 111852 Visual Field Index, 111855 Glaucoma Hemifield Test Analysis.
      if (concept.value === '111852' && concept.scheme === 'DCM') {
        const measured = first(observation, 'MeasuredValueSequence');
        const value = measured ? num(measured, 'NumericValue', 'Visual Field Index') : undefined;
        if (value !== undefined) found.vfi = value;
      } else if (concept.value === '111855' && concept.scheme === 'DCM') {
        const result = code(first(observation, 'ConceptCodeSequence'));
        if (result) found.ght = result.meaning;
      }
    }
  }
  return found;
}

/**
 * Reads one OPV instance's WADO-RS metadata (DICOM JSON) into the report's model. Optional data that
 * is not there stays undefined; data that is there but broken throws VisualFieldDataError.
 */
export function parseVisualField(dataset: DicomJsonDataset): VisualFieldTest {
  const sopClass = getString(dataset, 'SOPClassUID');
  if (sopClass && sopClass !== OPV_SOP_CLASS_UID) {
    throw new VisualFieldDataError(
      'This object is not a visual-field measurement.',
      `SOP Class UID ${sopClass}, expected ${OPV_SOP_CLASS_UID}`,
    );
  }
  const laterality = text(dataset, 'MeasurementLaterality')?.toUpperCase();
  if (laterality !== 'R' && laterality !== 'L') {
    throw new VisualFieldDataError(
      'This visual field does not say which eye was tested, so it cannot be shown safely.',
      `Measurement Laterality (0024,0113) is ${laterality === undefined ? 'missing' : JSON.stringify(laterality)}, expected R or L`,
    );
  }
  const pointItems = items(dataset, 'VisualFieldTestPointSequence');
  if (pointItems.length === 0) {
    throw new VisualFieldDataError(
      'This visual field holds no test points.',
      'Visual Field Test Point Sequence (0024,0089) is missing or empty',
    );
  }
  const points = pointItems.map(readPoint);

  const protocol = items(dataset, 'PerformedProtocolCodeSequence')
    .map(code)
    .filter((c): c is CodedConcept => c !== undefined);
  const patternCode = protocol.find(isPatternCode);
  const strategyCode = protocol.find(isStrategyCode);

  const fixation = first(dataset, 'FixationSequence');
  const catches = first(dataset, 'VisualFieldCatchTrialSequence');
  const catchesRecorded = catches && flag(catches, 'CatchTrialsDataFlag') !== false ? catches : undefined;
  const normals = first(dataset, 'ResultsNormalsSequence');
  const probability = (sequence: OpvKeyword, keyword: OpvKeyword) => {
    const item = normals ? first(normals, sequence) : undefined;
    return item ? num(item, keyword, 'the global indices') : undefined;
  };
  const deviation = (keyword: OpvKeyword, sequence: OpvKeyword, probabilityKeyword: OpvKeyword) => {
    const db = normals ? num(normals, keyword, 'the global indices') : undefined;
    if (db === undefined) return undefined;
    const p = probability(sequence, probabilityKeyword);
    return p === undefined ? { db } : { db, probabilityPercent: p };
  };
  const { vfi, ght } = globalIndices(dataset);
  const where = 'the test';
  const blindX = num(dataset, 'BlindSpotXCoordinate', where);
  const blindY = num(dataset, 'BlindSpotYCoordinate', where);
  const area = num(dataset, 'StimulusArea', where);
  const device = [text(dataset, 'Manufacturer'), text(dataset, 'ManufacturerModelName')]
    .filter(Boolean)
    .join(' ');

  return {
    studyInstanceUid: getString(dataset, 'StudyInstanceUID') ?? '',
    seriesInstanceUid: getString(dataset, 'SeriesInstanceUID') ?? '',
    sopInstanceUid: getString(dataset, 'SOPInstanceUID') ?? '',
    patient: patientFromDataset(dataset),
    eye: laterality,
    date:
      text(dataset, 'PerformedProcedureStepStartDate') ??
      text(dataset, 'ContentDate') ??
      getString(dataset, 'SeriesDate') ??
      getString(dataset, 'StudyDate'),
    time:
      text(dataset, 'PerformedProcedureStepStartTime') ??
      text(dataset, 'ContentTime') ??
      getString(dataset, 'SeriesTime') ??
      getString(dataset, 'StudyTime'),
    pattern: patternCode ? shortPatternName(patternCode.meaning) : undefined,
    patternCode,
    strategy: strategyCode ? shortStrategyName(strategyCode.meaning) : undefined,
    strategyCode,
    stimulus: {
      goldmannSize: goldmannSize(area),
      areaSquareDegrees: area,
      colour: code(first(dataset, 'StimulusColorCodeSequence'))?.meaning,
      presentationMs: num(dataset, 'StimulusPresentationTime', where),
      maximumLuminanceCdM2: num(dataset, 'MaximumStimulusLuminance', where),
      backgroundLuminanceCdM2: num(dataset, 'BackgroundLuminance', where),
      backgroundColour: code(first(dataset, 'BackgroundIlluminationColorCodeSequence'))?.meaning,
    },
    durationSeconds: num(dataset, 'VisualFieldTestDuration', where),
    fovealSensitivityDb:
      flag(dataset, 'FovealSensitivityMeasured') === false
        ? undefined
        : num(dataset, 'FovealSensitivity', where),
    blindSpot:
      flag(dataset, 'BlindSpotLocalized') !== false && blindX !== undefined && blindY !== undefined
        ? { x: blindX, y: blindY }
        : undefined,
    minimumSensitivityDb: num(dataset, 'MinimumSensitivityValue', where),
    extentDegrees: {
      horizontal: num(dataset, 'VisualFieldHorizontalExtent', where),
      vertical: num(dataset, 'VisualFieldVerticalExtent', where),
    },
    points,
    reliability: {
      fixationMonitoring: fixation
        ? code(first(fixation, 'FixationMonitoringCodeSequence'))?.meaning
        : undefined,
      fixationLosses: fixation
        ? (() => {
            const count: ReliabilityCount = {
              trials: num(fixation, 'FixationCheckedQuantity', 'fixation monitoring'),
              errors: num(fixation, 'PatientNotProperlyFixatedQuantity', 'fixation monitoring'),
              excessive: flagged(fixation, 'ExcessiveFixationLossesDataFlag', () =>
                flag(fixation, 'ExcessiveFixationLosses'),
              ),
            };
            return count.trials !== undefined || count.errors !== undefined ? count : undefined;
          })()
        : undefined,
      falsePositives: catchTrials(
        catchesRecorded,
        'PositiveCatchTrialsQuantity',
        'FalsePositivesQuantity',
        'FalsePositivesEstimateFlag',
        'FalsePositivesEstimate',
        'ExcessiveFalsePositivesDataFlag',
        'ExcessiveFalsePositives',
      ),
      falseNegatives: catchTrials(
        catchesRecorded,
        'NegativeCatchTrialsQuantity',
        'FalseNegativesQuantity',
        'FalseNegativesEstimateFlag',
        'FalseNegativesEstimate',
        'ExcessiveFalseNegativesDataFlag',
        'ExcessiveFalseNegatives',
      ),
    },
    indices: {
      meanSensitivityDb: num(dataset, 'VisualFieldMeanSensitivity', where),
      meanDeviation: deviation(
        'GlobalDeviationFromNormal',
        'GlobalDeviationProbabilitySequence',
        'GlobalDeviationProbability',
      ),
      patternStandardDeviation: deviation(
        'LocalizedDeviationFromNormal',
        'LocalizedDeviationProbabilitySequence',
        'LocalizedDeviationProbability',
      ),
      visualFieldIndexPercent: vfi,
      glaucomaHemifieldTest: ght,
    },
    device: device || text(dataset, 'StationName'),
  };
}

/** The probability classes of the symbol maps and the global indices (percent). */
export const PROBABILITY_LEVELS = [5, 2, 1, 0.5] as const;
export type ProbabilityLevel = (typeof PROBABILITY_LEVELS)[number];

/** The smallest level the probability is below: 3% → 5, 0.4% → 0.5; undefined when not significant. */
export function probabilityLevel(percent: number | undefined): ProbabilityLevel | undefined {
  if (percent === undefined) return undefined;
  let level: ProbabilityLevel | undefined;
  for (const candidate of PROBABILITY_LEVELS) if (percent < candidate) level = candidate;
  return level;
}
