import { instanceUid, seriesUid, studyUid } from '../uids';
import { ageOn, demoPatient } from './patients';
import { measureVisualField, type VisualFieldResult, type VisualFieldSpec } from '../visualField/model';

/** One visual field test (one eye) as stored: the model's result plus where it lives in the archive. */
export interface DemoVisualField extends VisualFieldResult {
  key: string;
  patient: string;
  studyKey: string;
  studyInstanceUID: string;
  seriesNumber: number;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  date: string;
  time: string;
  /** The perimeter's station, as the worklist names it. */
  stationName: string;
}

const GOOD_RELIABILITY = {
  fixationChecks: 15,
  fixationLosses: 1,
  positiveCatchTrials: 30,
  falsePositives: 1,
  negativeCatchTrials: 16,
  falseNegatives: 0,
};

/**
 * The tests to store. Adding one is adding an entry: another pattern or defect is data in
 * ../visualField/model; the OPV writer and the report follow from the result.
 */
const TESTS: ReadonlyArray<
  Omit<
    DemoVisualField,
    keyof VisualFieldResult | 'studyInstanceUID' | 'seriesInstanceUID' | 'sopInstanceUID'
  > &
    VisualFieldSpec
> = [
  {
    key: 'mueller-2025-od',
    patient: 'mueller',
    studyKey: 'opv',
    seriesNumber: 1,
    date: '20250915',
    time: '103000',
    stationName: 'HFA-3',
    eye: 'R',
    pattern: '24-2',
    strategy: 'SITA Standard',
    ageYears: ageOn(demoPatient('mueller'), '20250915'),
    defect: 'none',
    seed: 1,
    reliability: GOOD_RELIABILITY,
    durationSeconds: 359,
    trialLens: { sphere: 2.5, cylinder: -0.5, axis: 90 },
    pupilDiameterMm: 3.4,
  },
  {
    key: 'mueller-2025-os',
    patient: 'mueller',
    studyKey: 'opv',
    seriesNumber: 2,
    date: '20250915',
    time: '104200',
    stationName: 'HFA-3',
    eye: 'L',
    pattern: '24-2',
    strategy: 'SITA Standard',
    ageYears: ageOn(demoPatient('mueller'), '20250915'),
    defect: 'early superior arcuate',
    seed: 2,
    reliability: { ...GOOD_RELIABILITY, fixationLosses: 2, falsePositives: 1, falseNegatives: 1 },
    durationSeconds: 388,
    trialLens: { sphere: 2.75, cylinder: 0, axis: 0 },
    pupilDiameterMm: 3.2,
  },
  // Advanced glaucoma followed centrally: a 10-2 of the right eye, a 24-2 of the left.
  {
    key: 'papadopoulou-2025-od-10-2',
    patient: 'papadopoulou',
    studyKey: 'opv-papadopoulou',
    seriesNumber: 1,
    date: '20251020',
    time: '091500',
    stationName: 'HFA-3',
    eye: 'R',
    pattern: '10-2',
    strategy: 'SITA Standard',
    ageYears: ageOn(demoPatient('papadopoulou'), '20251020'),
    defect: 'advanced superior and inferior arcuate',
    seed: 3,
    reliability: { ...GOOD_RELIABILITY, fixationChecks: 14, fixationLosses: 2, falseNegatives: 2 },
    durationSeconds: 472,
    trialLens: { sphere: 3, cylinder: -0.75, axis: 85 },
    pupilDiameterMm: 2.9,
  },
  {
    key: 'papadopoulou-2025-os-24-2',
    patient: 'papadopoulou',
    studyKey: 'opv-papadopoulou',
    seriesNumber: 2,
    date: '20251020',
    time: '093000',
    stationName: 'HFA-3',
    eye: 'L',
    pattern: '24-2',
    strategy: 'SITA Standard',
    ageYears: ageOn(demoPatient('papadopoulou'), '20251020'),
    defect: 'advanced superior and inferior arcuate',
    seed: 4,
    reliability: { ...GOOD_RELIABILITY, fixationLosses: 2, falseNegatives: 3 },
    durationSeconds: 431,
    trialLens: { sphere: 3, cylinder: 0, axis: 0 },
    pupilDiameterMm: 3,
  },
  // A first, unreliable test: many fixation losses and false positives (a "trigger-happy" patient).
  {
    key: 'garcia-2025-od-unreliable',
    patient: 'garcia',
    studyKey: 'opv-garcia',
    seriesNumber: 1,
    date: '20251103',
    time: '141000',
    stationName: 'HFA-3',
    eye: 'R',
    pattern: '24-2',
    strategy: 'SITA Fast',
    ageYears: ageOn(demoPatient('garcia'), '20251103'),
    defect: 'none',
    seed: 5,
    reliability: {
      fixationChecks: 14,
      fixationLosses: 6,
      positiveCatchTrials: 27,
      falsePositives: 8,
      negativeCatchTrials: 15,
      falseNegatives: 1,
    },
    durationSeconds: 244,
    trialLens: { sphere: 1.75, cylinder: 0, axis: 0 },
    pupilDiameterMm: 4.1,
  },
];

/** The stored visual fields with every value the OPV instances hold (tests compare against these). */
export const DEMO_VISUAL_FIELDS: readonly DemoVisualField[] = TESTS.map((test) => ({
  ...test,
  ...measureVisualField(test),
  studyInstanceUID: studyUid(test.studyKey),
  seriesInstanceUID: seriesUid(test.studyKey, test.seriesNumber),
  sopInstanceUID: instanceUid(test.studyKey, test.seriesNumber, 1),
}));

/** Follow-up tests measured today for patients whose incoming study is a visual field. */
export const INCOMING_VISUAL_FIELDS: Readonly<Record<string, VisualFieldSpec[]>> = {
  mueller: [
    // Age on a day in 2026, whichever day the demo is run: the measured values stay the same every day.
    { ...TESTS[0]!, ageYears: ageOn(demoPatient('mueller'), '20260601'), seed: 11, durationSeconds: 351 },
    { ...TESTS[1]!, ageYears: ageOn(demoPatient('mueller'), '20260601'), seed: 12, durationSeconds: 379 },
  ].map(
    ({
      eye,
      pattern,
      strategy,
      ageYears,
      defect,
      seed,
      reliability,
      durationSeconds,
      trialLens,
      pupilDiameterMm,
    }) => ({
      eye,
      pattern,
      strategy,
      ageYears,
      defect,
      seed,
      reliability,
      durationSeconds,
      trialLens,
      pupilDiameterMm,
    }),
  ),
};

export function demoVisualField(key: string): DemoVisualField {
  const field = DEMO_VISUAL_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`No demo visual field "${key}"`);
  return field;
}
