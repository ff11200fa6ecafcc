import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_VISUAL_FIELDS, type DemoVisualField } from '../catalog/visualFields';
import { dcmdump, parseDump, valueOf, valuesOf, type DumpedElement } from '../dicom/dcmdump';
import { part10 } from '../dicom/writer';
import { archivedVisualField } from '../instances/archive';
import { measureVisualField, testLocations, TEST_PATTERNS, TEST_STRATEGIES } from './model';

const dir = mkdtempSync(join(tmpdir(), 'fovea-opv-'));

async function writeOpv(field: DemoVisualField): Promise<{ text: string; elements: DumpedElement[] }> {
  const file = join(dir, `${field.key}.dcm`);
  const dataset = archivedVisualField(field.key);
  writeFileSync(file, part10(dataset));
  const text = await dcmdump(file);
  return { text, elements: parseDump(text) };
}

const numbers = (values: string[]) => values.map(Number);

describe('the 24-2 pattern', () => {
  it('has the 54 locations at ±3°, ±9°, … ±27°, mirrored for the left eye', () => {
    const right = testLocations('24-2', 'R');
    expect(right).toHaveLength(54);
    expect(new Set(right.map((p) => `${p.x},${p.y}`)).size).toBe(54);
    for (const p of right) {
      expect(Math.abs(p.x) % 6).toBe(3);
      expect(Math.abs(p.y) % 6).toBe(3);
      expect(Math.abs(p.x)).toBeLessThanOrEqual(27);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(21);
    }
    // Symmetric about the horizontal midline; the extra nasal column (x = −27) only next to it.
    expect(right.filter((p) => p.y > 0)).toHaveLength(27);
    expect(
      right
        .filter((p) => p.x === -27)
        .map((p) => p.y)
        .sort(),
    ).toEqual([-3, 3]);
    expect(testLocations('24-2', 'L')).toEqual(right.map((p) => ({ x: -p.x, y: p.y })));
    expect(TEST_PATTERNS['24-2'].code).toEqual({
      value: '111800',
      scheme: 'DCM',
      meaning: 'Visual Field 24-2 Test Pattern',
    });
  });
});

describe('the visual field model', () => {
  const [od, os] = DEMO_VISUAL_FIELDS;

  it('measures the same field every time', () => {
    expect(measureVisualField(od!)).toEqual(measureVisualField(od!));
  });

  it('gives a normal right eye and an early superior arcuate defect in the left', () => {
    expect(od!.eye).toBe('R');
    expect(od!.meanDeviationDb).toBeGreaterThan(-1.5);
    expect(od!.points.filter((p) => p.patternDeviationProbability < 1)).toHaveLength(0);
    expect(os!.eye).toBe('L');
    const sum = (ys: (y: number) => boolean) =>
      os!.points.filter((p) => ys(p.y)).reduce((total, p) => total + p.totalDeviationDb, 0);
    expect(sum((y) => y > 0)).toBeLessThan(sum((y) => y < 0) - 100);
    // The nasal step: the nasal edge (x = +27 for the left eye) just above the midline is depressed.
    const step = os!.points.find((p) => p.x === 27 && p.y === 3)!;
    expect(step.patternDeviationProbability).toBeLessThan(1);
    expect(os!.meanDeviationDb).toBeLessThan(-2);
    expect(os!.meanDeviationDb).toBeGreaterThan(-6); // early, not advanced
    expect(os!.patternStandardDeviationProbability).toBeLessThan(0.5);
    expect(os!.visualFieldIndexPercent).toBeLessThan(od!.visualFieldIndexPercent);
  });

  it('puts the blind spot temporally: right of fixation for the right eye, left for the left eye', () => {
    expect(od!.blindSpot.x).toBeGreaterThan(0);
    expect(os!.blindSpot.x).toBeLessThan(0);
  });
});

describe('the OPV instance', () => {
  it.each(DEMO_VISUAL_FIELDS.map((f) => [f.key, f] as const))(
    '%s holds the catalogued values, read back by dcmtk, with no unknown attributes',
    async (_, field) => {
      const { text, elements } = await writeOpv(field);
      expect(text).not.toMatch(/Unknown Tag|unknown/i);
      expect(text).toContain(`(0024,0089) SQ (Sequence with undefined length #=${field.points.length})`);
      expect(elements.every((e) => e.keyword !== '?')).toBe(true);
      expect(valueOf(elements, 'SOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.80.1');
      expect(valueOf(elements, 'Modality')).toBe('OPV');
      expect(valueOf(elements, 'MeasurementLaterality')).toBe(field.eye);
      expect(valuesOf(elements, 'CodeValue')).toEqual(
        expect.arrayContaining([
          TEST_PATTERNS[field.pattern].code.value,
          TEST_STRATEGIES[field.strategy].code.value,
          '111844',
          '111852',
        ]),
      );

      const x = numbers(valuesOf(elements, 'VisualFieldTestPointXCoordinate'));
      const y = numbers(valuesOf(elements, 'VisualFieldTestPointYCoordinate'));
      expect(x).toEqual(field.points.map((p) => p.x));
      expect(y).toEqual(field.points.map((p) => p.y));
      expect(numbers(valuesOf(elements, 'SensitivityValue'))).toEqual(
        field.points.map((p) => p.sensitivityDb),
      );
      expect(valuesOf(elements, 'StimulusResults')).toEqual(
        field.points.map((p) => (p.seen ? 'SEEN' : 'NOT SEEN')),
      );
      const close = (keyword: string, expected: number[]) => {
        const got = numbers(valuesOf(elements, keyword));
        expect(got).toHaveLength(expected.length);
        got.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 4));
      };
      close(
        'AgeCorrectedSensitivityDeviationValue',
        field.points.map((p) => p.totalDeviationDb),
      );
      close(
        'AgeCorrectedSensitivityDeviationProbabilityValue',
        field.points.map((p) => p.totalDeviationProbability),
      );
      close(
        'GeneralizedDefectCorrectedSensitivityDeviationValue',
        field.points.map((p) => p.patternDeviationDb),
      );
      close(
        'GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue',
        field.points.map((p) => p.patternDeviationProbability),
      );
      close('GlobalDeviationFromNormal', [field.meanDeviationDb]);
      close('GlobalDeviationProbability', [field.meanDeviationProbability]);
      close('LocalizedDeviationFromNormal', [field.patternStandardDeviationDb]);
      close('LocalizedDeviationProbability', [field.patternStandardDeviationProbability]);
      close('VisualFieldMeanSensitivity', [field.meanSensitivityDb]);
      close('FovealSensitivity', [field.fovealSensitivityDb]);
      close('VisualFieldTestDuration', [field.durationSeconds]);
      close('FalsePositivesEstimate', [field.falsePositivePercent]);
      close('FalseNegativesEstimate', [field.falseNegativePercent]);
      close('BlindSpotXCoordinate', [field.blindSpot.x]);
      close('BlindSpotYCoordinate', [field.blindSpot.y]);
      expect(valueOf(elements, 'NumericValue')).toBe(String(field.visualFieldIndexPercent));
      const r = field.reliability;
      expect(valueOf(elements, 'FixationCheckedQuantity')).toBe(String(r.fixationChecks));
      expect(valueOf(elements, 'PatientNotProperlyFixatedQuantity')).toBe(String(r.fixationLosses));
      expect(valueOf(elements, 'PositiveCatchTrialsQuantity')).toBe(String(r.positiveCatchTrials));
      expect(valueOf(elements, 'FalsePositivesQuantity')).toBe(String(r.falsePositives));
      expect(valueOf(elements, 'NegativeCatchTrialsQuantity')).toBe(String(r.negativeCatchTrials));
      expect(valueOf(elements, 'FalseNegativesQuantity')).toBe(String(r.falseNegatives));
      // The clinical information is for the tested eye only (its condition in PS3.3 C.8.30.3.5).
      const sequence =
        field.eye === 'R'
          ? 'OphthalmicPatientClinicalInformationRightEyeSequence'
          : 'OphthalmicPatientClinicalInformationLeftEyeSequence';
      expect(text).toContain(sequence);
      expect(text).not.toContain(
        field.eye === 'R' ? 'ClinicalInformationLeftEyeSequence' : 'ClinicalInformationRightEyeSequence',
      );
      close('SphericalLensPower', [field.trialLens.sphere]);
      close('PupilSize', [field.pupilDiameterMm]);
    },
  );

  it("writes the patient of the catalog in the patient's character set", async () => {
    const { elements } = await writeOpv(DEMO_VISUAL_FIELDS[0]!);
    expect(valueOf(elements, 'PatientName')).toBe('Müller^Jürgen');
    expect(valueOf(elements, 'PatientID')).toBe('FOV1001');
  });
});

describe('the other patterns and defects of the catalog', () => {
  const byKey = (key: string) => DEMO_VISUAL_FIELDS.find((f) => f.key === key)!;

  it('lays out the 10-2 as 68 locations 2° apart within 10° of fixation', () => {
    const points = testLocations('10-2', 'R');
    expect(points).toHaveLength(68);
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(68);
    for (const p of points) {
      expect(Math.abs(p.x) % 2).toBe(1);
      expect(Math.abs(p.y) % 2).toBe(1);
      expect(Math.hypot(p.x, p.y)).toBeLessThan(10);
    }
  });

  it('holds an advanced defect: MD worse than −12 dB and locations not seen', () => {
    for (const key of ['papadopoulou-2025-od-10-2', 'papadopoulou-2025-os-24-2']) {
      const field = byKey(key);
      expect(field.meanDeviationDb).toBeLessThan(-12);
      expect(field.points.some((p) => !p.seen)).toBe(true);
    }
    expect(byKey('papadopoulou-2025-od-10-2').pattern).toBe('10-2');
  });

  it('holds one unreliable test: fixation losses over 20% and false positives over 15%', () => {
    const field = byKey('garcia-2025-od-unreliable');
    expect(field.reliability.fixationLosses / field.reliability.fixationChecks).toBeGreaterThan(0.2);
    expect(field.falsePositivePercent).toBeGreaterThan(15);
    const others = DEMO_VISUAL_FIELDS.filter((f) => f !== field);
    for (const other of others) expect(other.falsePositivePercent).toBeLessThanOrEqual(15);
  });
});

describe('the Glaucoma Hemifield Test', () => {
  it('is outside normal limits for the arcuate defect, within for the normal field, absent for the 10-2', async () => {
    const [od, os] = DEMO_VISUAL_FIELDS;
    expect(od!.glaucomaHemifieldTest).toBe('Within normal limits');
    expect(os!.glaucomaHemifieldTest).toBe('Outside normal limits');
    const tenTwo = DEMO_VISUAL_FIELDS.find((f) => f.pattern === '10-2')!;
    expect(tenTwo.glaucomaHemifieldTest).toBeUndefined();
    const { elements } = await writeOpv(os!);
    expect(valuesOf(elements, 'CodeValue')).toEqual(expect.arrayContaining(['111855', '111847']));
    const { elements: none } = await writeOpv(tenTwo);
    expect(valuesOf(none, 'CodeValue')).not.toContain('111855');
  });
});
