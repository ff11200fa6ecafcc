// A deterministic model of static automated perimetry results, so that the demo holds visual fields a
// clinician recognises (a normal field, glaucomatous defects) and tests know every value in advance.
// New patterns, defects and reliability profiles are added as data below; the OPV writer follows.

export type Eye = 'R' | 'L';

/** A coded concept (code value, coding scheme designator, code meaning). */
export interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

export interface TestPattern {
  name: string;
  /** PS3.16 CID 4250 (Visual Field Static Perimetry Test Pattern). */
  code: Code;
  /** Test locations of the right eye in degrees (+x right, +y superior as the patient sees); mirrored for the left. */
  rightEyePoints: ReadonlyArray<{ x: number; y: number }>;
  /** Width and height of the tested field in degrees, from the outermost locations. */
  extentDegrees: { horizontal: number; vertical: number };
}

export interface TestStrategy {
  name: string;
  /** PS3.16 CID 4251 (Visual Field Static Perimetry Test Strategy). */
  code: Code;
}

/** Rows of the 24-2 grid: y, and the x positions (right eye) on that row; the grid is mirrored below the midline. */
const GRID_24_2: ReadonlyArray<[number, number[]]> = [
  [21, [-9, -3, 3, 9]],
  [15, [-15, -9, -3, 3, 9, 15]],
  [9, [-21, -15, -9, -3, 3, 9, 15, 21]],
  [3, [-27, -21, -15, -9, -3, 3, 9, 15, 21]],
];

/**
 * Rows of the 10-2 grid (2° apart, within 10° of fixation): y, and the x positions (right eye); the grid
 * is mirrored below the midline. 68 locations.
 */
const GRID_10_2: ReadonlyArray<[number, number[]]> = [
  [9, [-1, 1]],
  [7, [-5, -3, -1, 1, 3, 5]],
  [5, [-7, -5, -3, -1, 1, 3, 5, 7]],
  [3, [-7, -5, -3, -1, 1, 3, 5, 7]],
  [1, [-9, -7, -5, -3, -1, 1, 3, 5, 7, 9]],
];

/** Printed order: top row first, left to right. */
const mirroredGrid = (grid: ReadonlyArray<[number, number[]]>) =>
  [...grid, ...grid.map(([y, xs]) => [-y, xs] as [number, number[]]).reverse()].flatMap(([y, xs]) =>
    xs.map((x) => ({ x, y })),
  );

export const TEST_PATTERNS = {
  '24-2': {
    name: '24-2',
    code: { value: '111800', scheme: 'DCM', meaning: 'Visual Field 24-2 Test Pattern' },
    // Printed order: top row first, left to right; 54 locations at ±3°, ±9°, ... ±27°.
    rightEyePoints: mirroredGrid(GRID_24_2),
    extentDegrees: { horizontal: 54, vertical: 42 },
  },
  '10-2': {
    name: '10-2',
    code: { value: '111801', scheme: 'DCM', meaning: 'Visual Field 10-2 Test Pattern' },
    rightEyePoints: mirroredGrid(GRID_10_2),
    extentDegrees: { horizontal: 18, vertical: 18 },
  },
} satisfies Record<string, TestPattern>;
export type TestPatternName = keyof typeof TEST_PATTERNS;

export const TEST_STRATEGIES = {
  'SITA Standard': {
    name: 'SITA Standard',
    code: { value: '111815', scheme: 'DCM', meaning: 'Visual Field SITA-Standard Test Strategy' },
  },
  'SITA Fast': {
    name: 'SITA Fast',
    code: { value: '111817', scheme: 'DCM', meaning: 'Visual Field SITA-Fast Test Strategy' },
  },
} satisfies Record<string, TestStrategy>;
export type TestStrategyName = keyof typeof TEST_STRATEGIES;

/** Test locations of one eye: the left eye's are the right eye's mirrored (x → −x). */
export function testLocations(pattern: TestPatternName, eye: Eye): Array<{ x: number; y: number }> {
  return TEST_PATTERNS[pattern].rightEyePoints.map(({ x, y }) => ({ x: eye === 'R' ? x : -x, y }));
}

/** The physiological blind spot, 15° temporal and 1.5° below fixation. */
export function blindSpotOf(eye: Eye): { x: number; y: number } {
  return { x: eye === 'R' ? 15 : -15, y: -1.5 };
}

/** Where a location lies relative to the optic nerve's fibre layout, for the defect models. */
export interface Location {
  x: number;
  y: number;
  /** Degrees from fixation. */
  eccentricity: number;
  /** Positive towards the nose of the tested eye. */
  nasal: number;
}

/** A pattern of sensitivity loss in dB (positive = loss) at a location; `noise` is in [0, 1). */
export type DefectModel = (at: Location, noise: number) => number;

export const DEFECTS = {
  none: () => 0,
  // Early glaucoma: an arcuate loss above fixation (Bjerrum area, 9°–22°) that respects the horizontal
  // midline, deepest nasally, with a nasal step at the edge of the field.
  'early superior arcuate': (at, noise) => {
    let loss = 0;
    if (at.y > 0 && at.eccentricity >= 9 && at.eccentricity <= 22 && at.nasal > -10) loss += 7 + 4 * noise;
    if (at.y === 3 && at.nasal >= 21) loss += 9;
    return loss;
  },
  // Advanced glaucoma: a dense superior altitudinal loss sparing a central island, and an inferior
  // nasal arcuate loss; many locations are not seen at all.
  'advanced superior and inferior arcuate': (at, noise) => {
    let loss = 0;
    if (at.y > 0 && at.eccentricity >= 3) loss += 24 + 10 * noise;
    if (at.y < 0 && at.eccentricity >= 5 && at.nasal > -3) loss += 11 + 8 * noise;
    return loss;
  },
} satisfies Record<string, DefectModel>;
export type DefectName = keyof typeof DEFECTS;

export interface Reliability {
  fixationChecks: number;
  fixationLosses: number;
  /** Catch trials for false positives and how many the patient answered wrongly. */
  positiveCatchTrials: number;
  falsePositives: number;
  negativeCatchTrials: number;
  falseNegatives: number;
}

/** What was measured: the input of the model. */
export interface VisualFieldSpec {
  eye: Eye;
  pattern: TestPatternName;
  strategy: TestStrategyName;
  ageYears: number;
  defect: DefectName;
  /** Varies the measurement noise between tests. */
  seed: number;
  reliability: Reliability;
  durationSeconds: number;
  /** Near correction in the trial frame (dioptres, axis in degrees) and the pupil during the test. */
  trialLens: { sphere: number; cylinder: number; axis: number };
  pupilDiameterMm: number;
}

export interface VisualFieldTestPoint {
  /** Degrees (+x right, +y superior, as the patient sees). */
  x: number;
  y: number;
  seen: boolean;
  sensitivityDb: number;
  /** Total deviation: sensitivity minus the age-matched normal. */
  totalDeviationDb: number;
  /** Percent of normal eyes with a deviation this low or lower (p-value in %). */
  totalDeviationProbability: number;
  /** Pattern deviation: total deviation corrected for the general height of the field. */
  patternDeviationDb: number;
  patternDeviationProbability: number;
}

/** Glaucoma Hemifield Test outcomes (PS3.16 CID 4254). */
export type GlaucomaHemifieldTestResult =
  'Within normal limits' | 'Borderline' | 'Outside normal limits' | 'General reduction in sensitivity';

export interface VisualFieldResult extends VisualFieldSpec {
  points: VisualFieldTestPoint[];
  /** Mean of the sensitivities. */
  meanSensitivityDb: number;
  /** MD. */
  meanDeviationDb: number;
  meanDeviationProbability: number;
  /** PSD. */
  patternStandardDeviationDb: number;
  patternStandardDeviationProbability: number;
  /** VFI, in percent. */
  visualFieldIndexPercent: number;
  fovealSensitivityDb: number;
  falsePositivePercent: number;
  falseNegativePercent: number;
  blindSpot: { x: number; y: number };
  /** Lowest sensitivity the perimeter could test (its dimmest level is brighter than 0 dB). */
  minimumSensitivityDb: number;
  /** Compares the superior and inferior hemifields; defined for the 24-2 only, absent otherwise. */
  glaucomaHemifieldTest?: GlaucomaHemifieldTestResult;
}

/**
 * A simplified Glaucoma Hemifield Test: the difference between the hemifields in how many locations
 * have a pattern deviation below p < 1%, mirrored across the horizontal midline.
 */
function hemifieldTest(points: VisualFieldTestPoint[], mdProbability: number): GlaucomaHemifieldTestResult {
  const depressed = (upper: boolean) =>
    points.filter((p) => p.y > 0 === upper && p.patternDeviationProbability < 1).length;
  const asymmetry = Math.abs(depressed(true) - depressed(false));
  if (asymmetry >= 3) return 'Outside normal limits';
  if (mdProbability < 0.5) return 'General reduction in sensitivity';
  if (asymmetry >= 2) return 'Borderline';
  return 'Within normal limits';
}

/** Deterministic noise in [0, 1) for a location and seed. */
function noiseAt(x: number, y: number, seed: number): number {
  const h = Math.sin(x * 12.9898 + y * 78.233 + seed * 37.719) * 43758.5453;
  return h - Math.floor(h);
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26). */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const erf =
    1 -
    t *
      Math.exp(-(z * z) / 2) *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return z < 0 ? (1 - erf) / 2 : (1 + erf) / 2;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
/** A probability in percent, never 0 (a normal eye can always, rarely, be this low). */
const percent = (p: number) => Math.max(0.01, round(p * 100, 2));

/**
 * The age-matched normal threshold at a location (dB): 33.5 at fixation, falling with eccentricity and
 * age; locations at the edge of the blind spot see less of the stimulus, in normal eyes too.
 */
export function normalThreshold(x: number, y: number, eye: Eye, ageYears: number): number {
  const blindSpot = blindSpotOf(eye);
  const nearBlindSpot = Math.hypot(x - blindSpot.x, y - blindSpot.y) < 5;
  return 33.5 - 0.11 * Math.hypot(x, y) - 0.06 * (ageYears - 40) - (nearBlindSpot ? 6 : 0);
}
/** Spread of normal thresholds, wider in the periphery. */
const normalSd = (eccentricity: number) => 1.6 + 0.06 * eccentricity;

/** The measured field for a spec: same spec, same numbers, on every machine. */
export function measureVisualField(spec: VisualFieldSpec): VisualFieldResult {
  const blindSpot = blindSpotOf(spec.eye);
  const defect: DefectModel = DEFECTS[spec.defect];
  const nasalSign = spec.eye === 'R' ? -1 : 1;
  const raw = testLocations(spec.pattern, spec.eye).map(({ x, y }) => {
    const eccentricity = Math.hypot(x, y);
    const normal = normalThreshold(x, y, spec.eye, spec.ageYears);
    let deviation = (noiseAt(x, y, spec.seed) * 2 - 1) * 1.4;
    deviation -= defect({ x, y, eccentricity, nasal: x * nasalSign }, noiseAt(y, x, spec.seed + 1));
    const sensitivity = Math.max(0, Math.round(normal + deviation));
    return { x, y, eccentricity, sensitivity, total: round(sensitivity - normal, 1) };
  });
  // General height: the 7th best total deviation (85th percentile), as single-field analysis uses.
  const generalHeight = [...raw.map((p) => p.total)].sort((a, b) => b - a)[6] ?? 0;
  const points: VisualFieldTestPoint[] = raw.map((p) => {
    const pattern = round(p.total - generalHeight, 1);
    return {
      x: p.x,
      y: p.y,
      seen: p.sensitivity > 0,
      sensitivityDb: p.sensitivity,
      totalDeviationDb: p.total,
      totalDeviationProbability: percent(normalCdf(p.total / normalSd(p.eccentricity))),
      patternDeviationDb: pattern,
      patternDeviationProbability: percent(normalCdf(pattern / normalSd(p.eccentricity))),
    };
  });
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const md = mean(points.map((p) => p.totalDeviationDb));
  const psd = Math.sqrt(
    points.reduce(
      (sum, p) => sum + (p.patternDeviationDb - mean(points.map((q) => q.patternDeviationDb))) ** 2,
      0,
    ) /
      (points.length - 1),
  );
  // VFI: each location counts 100% unless its pattern deviation is significant (p < 5%), then the
  // fraction of normal sensitivity left; central locations weigh more.
  let weighted = 0;
  let weights = 0;
  raw.forEach((p, i) => {
    const weight = 1 / (1 + p.eccentricity / 10);
    const normal = normalThreshold(p.x, p.y, spec.eye, spec.ageYears);
    const share = points[i]!.patternDeviationProbability < 5 ? Math.min(1, p.sensitivity / normal) : 1;
    weighted += weight * share;
    weights += weight;
  });
  const { reliability } = spec;
  const meanDeviationProbability = percent(normalCdf(md / 1.6));
  return {
    ...spec,
    points,
    meanSensitivityDb: round(mean(points.map((p) => p.sensitivityDb)), 1),
    meanDeviationDb: round(md, 2),
    meanDeviationProbability,
    patternStandardDeviationDb: round(psd, 2),
    patternStandardDeviationProbability: percent(1 - normalCdf((psd - 1.5) / 0.4)),
    visualFieldIndexPercent: Math.round((100 * weighted) / weights),
    fovealSensitivityDb: Math.round(36 - 0.05 * (spec.ageYears - 40)),
    falsePositivePercent: Math.round((100 * reliability.falsePositives) / reliability.positiveCatchTrials),
    falseNegativePercent: Math.round((100 * reliability.falseNegatives) / reliability.negativeCatchTrials),
    blindSpot,
    minimumSensitivityDb: 0,
    ...(spec.pattern === '24-2'
      ? { glaucomaHemifieldTest: hemifieldTest(points, meanDeviationProbability) }
      : {}),
  };
}
