import type { Dataset } from './part10';

// Visual Field Static Perimetry Measurements (PS3.3 A.65). Attributes are written by keyword; the
// writer takes each tag and VR from dcmtk's DICOM dictionary, so every name below is checked there.

export type Eye = 'R' | 'L';

export interface TestPoint {
  /** Degrees; +x is the patient's right in the visual field as seen by the patient, +y superior. */
  x: number;
  y: number;
  sensitivityDb: number;
  totalDeviationDb: number;
  totalDeviationProbability: number;
  patternDeviationDb: number;
  patternDeviationProbability: number;
}

export interface VisualFieldResult {
  eye: Eye;
  pattern: '24-2';
  strategy: string;
  points: TestPoint[];
  meanDeviationDb: number;
  meanDeviationProbability: number;
  patternStandardDeviationDb: number;
  patternStandardDeviationProbability: number;
  fixationChecks: number;
  fixationLosses: number;
  falsePositivePercent: number;
  falseNegativePercent: number;
  fovealSensitivityDb: number;
  durationSeconds: number;
  blindSpot: { x: number; y: number };
}

/** The 54 locations of the 24-2 pattern for the right eye; the left eye's are mirrored (x → −x). */
export function pattern242(eye: Eye): Array<{ x: number; y: number }> {
  const rows: Array<[number, number[]]> = [
    [21, [-9, -3, 3, 9]],
    [15, [-15, -9, -3, 3, 9, 15]],
    [9, [-21, -15, -9, -3, 3, 9, 15, 21]],
    [3, [-27, -21, -15, -9, -3, 3, 9, 15, 21]],
  ];
  const points = rows.flatMap(([y, xs]) =>
    xs.flatMap((x) => [
      { x, y },
      { x, y: -y },
    ]),
  );
  return eye === 'R' ? points : points.map((p) => ({ x: -p.x, y: p.y }));
}

/** Deterministic noise in [−1, 1] for a point, so each build writes the same values. */
function noise(x: number, y: number, seed: number): number {
  const h = Math.sin(x * 12.9898 + y * 78.233 + seed * 37.719) * 43758.5453;
  return 2 * (h - Math.floor(h)) - 1;
}

/** Probability (percent) that a normal eye shows this deviation, from a normal model (SD grows with eccentricity). */
function probabilityOf(deviation: number, eccentricity: number): number {
  const sd = 1.6 + 0.06 * eccentricity;
  const z = deviation / sd;
  // One-sided normal CDF (Abramowitz–Stegun 7.1.26 approximation).
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const erf =
    1 -
    t *
      Math.exp(-(z * z) / 2) *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const cdf = z < 0 ? (1 - erf) / 2 : (1 + erf) / 2;
  return Math.round(Math.min(100, cdf * 100) * 100) / 100;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A 24-2 SITA-like result for one eye. `defect` lowers the superior arcuate region (early glaucoma):
 * the points above the horizontal midline, 9–21° out, on the nasal side, and the nasal step.
 */
export function simulateVisualField(
  eye: Eye,
  ageYears: number,
  defect: 'none' | 'superior-arcuate',
  seed: number,
): VisualFieldResult {
  const nasal = eye === 'R' ? -1 : 1;
  const blindSpot = { x: -nasal * 15, y: -1.5 };
  const raw = pattern242(eye).map(({ x, y }) => {
    const r = Math.hypot(x, y);
    const normal = 33.5 - 0.11 * r - 0.06 * (ageYears - 40);
    let loss = noise(x, y, seed) * 1.4;
    const inBlindSpot = Math.hypot(x - blindSpot.x, y - blindSpot.y) < 5;
    if (inBlindSpot) loss -= 6;
    if (defect === 'superior-arcuate' && y > 0 && r >= 9 && r <= 22 && x * nasal > -10)
      loss -= 7 + 4 * Math.abs(noise(y, x, seed + 1));
    if (defect === 'superior-arcuate' && y === 3 && x * nasal >= 21) loss -= 9;
    const sensitivity = Math.max(0, Math.round(normal + loss));
    return { x, y, r, sensitivity, total: round1(sensitivity - normal) };
  });
  // The general height: the 85th percentile of total deviation, as single-field analysis uses.
  const sorted = raw.map((p) => p.total).sort((a, b) => b - a);
  const generalHeight = sorted[Math.floor(sorted.length * 0.15)] ?? 0;
  const points: TestPoint[] = raw.map((p) => {
    const pd = round1(p.total - generalHeight);
    return {
      x: p.x,
      y: p.y,
      sensitivityDb: p.sensitivity,
      totalDeviationDb: p.total,
      totalDeviationProbability: probabilityOf(p.total, p.r),
      patternDeviationDb: pd,
      patternDeviationProbability: probabilityOf(pd, p.r),
    };
  });
  const mean = points.reduce((sum, p) => sum + p.totalDeviationDb, 0) / points.length;
  const psd = Math.sqrt(
    points.reduce((sum, p) => sum + (p.totalDeviationDb - mean) ** 2, 0) / (points.length - 1),
  );
  return {
    eye,
    pattern: '24-2',
    strategy: 'SITA Standard',
    points,
    meanDeviationDb: round1(mean),
    meanDeviationProbability: mean < -2 ? (mean < -4 ? 1 : 5) : 100,
    patternStandardDeviationDb: round1(psd),
    patternStandardDeviationProbability: psd > 2.5 ? (psd > 4 ? 0.5 : 5) : 100,
    fixationChecks: 15,
    fixationLosses: defect === 'none' ? 1 : 2,
    falsePositivePercent: 3,
    falseNegativePercent: defect === 'none' ? 2 : 5,
    fovealSensitivityDb: Math.round(36 - 0.05 * (ageYears - 40)),
    durationSeconds: 352 + seed * 7,
    blindSpot,
  };
}

const code = (value: string, scheme: string, meaning: string): Dataset => ({
  CodeValue: value,
  CodingSchemeDesignator: scheme,
  CodeMeaning: meaning,
});

/** The OPV-specific attributes for one result (patient, study, series and SOP attributes come from the caller). */
export function visualFieldAttributes(result: VisualFieldResult): Dataset {
  const flag = (yes: boolean) => (yes ? 'YES' : 'NO');
  return {
    MeasurementLaterality: result.eye,
    PerformedProtocolCodeSequence: [code('24-2', '99FOVEA', 'Central 24-2 threshold test')],
    ScreeningTestModeCodeSequence: [code('SITA-STD', '99FOVEA', result.strategy)],
    VisualFieldHorizontalExtent: 54,
    VisualFieldVerticalExtent: 42,
    VisualFieldShape: 'RECTANGLE',
    MaximumStimulusLuminance: 3183,
    BackgroundLuminance: 10,
    StimulusArea: 0.43,
    StimulusPresentationTime: 200,
    FixationSequence: [
      { FixationMonitoringCodeSequence: [code('BLIND-SPOT', '99FOVEA', 'Blind spot monitoring')] },
    ],
    FixationCheckedQuantity: result.fixationChecks,
    PatientNotProperlyFixatedQuantity: result.fixationLosses,
    ExcessiveFixationLossesDataFlag: 'YES',
    ExcessiveFixationLosses: flag(result.fixationLosses / result.fixationChecks > 0.2),
    CatchTrialsDataFlag: 'YES',
    FalseNegativesEstimateFlag: 'YES',
    FalseNegativesEstimate: result.falseNegativePercent,
    ExcessiveFalseNegativesDataFlag: 'YES',
    ExcessiveFalseNegatives: flag(result.falseNegativePercent > 33),
    FalsePositivesEstimateFlag: 'YES',
    FalsePositivesEstimate: result.falsePositivePercent,
    ExcessiveFalsePositivesDataFlag: 'YES',
    ExcessiveFalsePositives: flag(result.falsePositivePercent > 15),
    VisualFieldTestDuration: result.durationSeconds,
    FovealSensitivityMeasured: 'YES',
    FovealSensitivity: result.fovealSensitivityDb,
    BlindSpotLocalized: 'YES',
    BlindSpotXCoordinate: result.blindSpot.x,
    BlindSpotYCoordinate: result.blindSpot.y,
    TestPointNormalsDataFlag: 'YES',
    VisualFieldTestNormalsFlag: 'YES',
    GlobalDeviationProbabilityNormalsFlag: 'YES',
    LocalDeviationProbabilityNormalsFlag: 'YES',
    GlobalDeviationFromNormal: result.meanDeviationDb,
    GlobalDeviationProbability: result.meanDeviationProbability,
    LocalizedDeviationFromNormal: result.patternStandardDeviationDb,
    LocalizedDeviationProbability: result.patternStandardDeviationProbability,
    VisualFieldTestPointSequence: result.points.map((p) => ({
      VisualFieldTestPointXCoordinate: p.x,
      VisualFieldTestPointYCoordinate: p.y,
      StimulusResults: p.sensitivityDb > 0 ? 'SEEN' : 'NOT SEEN',
      SensitivityValue: p.sensitivityDb,
      VisualFieldTestPointNormalsSequence: [
        {
          AgeCorrectedSensitivityDeviationValue: p.totalDeviationDb,
          AgeCorrectedSensitivityDeviationProbabilityValue: p.totalDeviationProbability,
          GeneralizedDefectCorrectedSensitivityDeviationFlag: 'YES',
          GeneralizedDefectCorrectedSensitivityDeviationValue: p.patternDeviationDb,
          GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue: p.patternDeviationProbability,
        },
      ],
    })),
  };
}
