import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEMO_VISUAL_FIELDS, demoPatient, type DemoVisualField } from '../../../demo/catalog';
import { part10 } from '../../../demo/dicom/writer';
import { archivedVisualField } from '../../../demo/instances/archive';
import type { DicomJsonDataset } from '../../dicom';
import {
  goldmannSize,
  parseVisualField,
  probabilityLevel,
  VisualFieldDataError,
  type VisualFieldTest,
} from './visualField';

// dcmjs ships no type declarations; it reads the Part-10 file into DICOM JSON, as a PACS would send it.
const dcmjs = createRequire(import.meta.url)('dcmjs') as {
  data: { DicomMessage: { readFile: (buffer: ArrayBuffer) => { dict: DicomJsonDataset } } };
};

/** The demo OPV instance of a catalog entry, written by the demo writer and read back as DICOM JSON. */
function opvJson(field: DemoVisualField): DicomJsonDataset {
  const dataset = archivedVisualField(field.key);
  const bytes = part10(dataset);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
  return dcmjs.data.DicomMessage.readFile(buffer).dict;
}

const parsed = new Map<string, VisualFieldTest>(
  DEMO_VISUAL_FIELDS.map((field) => [field.key, parseVisualField(opvJson(field))]),
);

describe('parseVisualField on the demo OPV instances', () => {
  it.each(DEMO_VISUAL_FIELDS.map((f) => [f.key, f] as const))('%s reads back as catalogued', (key, field) => {
    const test = parsed.get(key)!;
    expect(test.eye).toBe(field.eye);
    expect(test.sopInstanceUid).toBe(field.sopInstanceUID);
    expect(test.patient.id).toBe(demoPatient(field.patient).id);
    expect(test.date).toBe(field.date);
    expect(test.pattern).toBe(field.pattern);
    expect(test.strategy).toBe(field.strategy);
    expect(test.stimulus.goldmannSize).toBe('III');
    expect(test.stimulus.colour).toBe('White');
    expect(test.durationSeconds).toBe(field.durationSeconds);
    expect(test.fovealSensitivityDb).toBe(field.fovealSensitivityDb);
    expect(test.blindSpot).toEqual(field.blindSpot);

    expect(test.points).toHaveLength(field.points.length);
    test.points.forEach((point, i) => {
      const expected = field.points[i]!;
      expect(point.x).toBe(expected.x);
      expect(point.y).toBe(expected.y);
      expect(point.sensitivityDb).toBe(expected.sensitivityDb);
      expect(point.result).toBe(expected.seen ? 'seen' : 'not seen');
      expect(point.totalDeviation?.db).toBeCloseTo(expected.totalDeviationDb, 4);
      expect(point.totalDeviation?.probabilityPercent).toBeCloseTo(expected.totalDeviationProbability, 4);
      expect(point.patternDeviation?.db).toBeCloseTo(expected.patternDeviationDb, 4);
      expect(point.patternDeviation?.probabilityPercent).toBeCloseTo(expected.patternDeviationProbability, 4);
    });

    const r = field.reliability;
    expect(test.reliability.fixationMonitoring).toBe('Blind Spot Monitoring');
    expect(test.reliability.fixationLosses).toEqual({
      trials: r.fixationChecks,
      errors: r.fixationLosses,
      excessive: r.fixationLosses / r.fixationChecks > 0.2,
    });
    expect(test.reliability.falsePositives).toMatchObject({
      trials: r.positiveCatchTrials,
      errors: r.falsePositives,
      percent: field.falsePositivePercent,
    });
    expect(test.reliability.falseNegatives).toMatchObject({
      trials: r.negativeCatchTrials,
      errors: r.falseNegatives,
      percent: field.falseNegativePercent,
    });

    expect(test.indices.meanDeviation?.db).toBeCloseTo(field.meanDeviationDb, 4);
    expect(test.indices.meanDeviation?.probabilityPercent).toBeCloseTo(field.meanDeviationProbability, 4);
    expect(test.indices.patternStandardDeviation?.db).toBeCloseTo(field.patternStandardDeviationDb, 4);
    expect(test.indices.patternStandardDeviation?.probabilityPercent).toBeCloseTo(
      field.patternStandardDeviationProbability,
      4,
    );
    expect(test.indices.visualFieldIndexPercent).toBe(field.visualFieldIndexPercent);
    expect(test.indices.meanSensitivityDb).toBeCloseTo(field.meanSensitivityDb, 4);
    expect(test.indices.glaucomaHemifieldTest).toBe(field.glaucomaHemifieldTest);
  });

  it('flags the unreliable test as the perimeter judged it', () => {
    const test = parsed.get('garcia-2025-od-unreliable')!;
    expect(test.reliability.fixationLosses?.excessive).toBe(true);
    expect(test.reliability.falsePositives?.excessive).toBe(true);
    expect(test.reliability.falseNegatives?.excessive).toBe(false);
  });

  it('leaves the Glaucoma Hemifield Test absent where the 10-2 has none', () => {
    expect(parsed.get('papadopoulou-2025-od-10-2')!.indices.glaucomaHemifieldTest).toBeUndefined();
    expect(parsed.get('papadopoulou-2025-od-10-2')!.pattern).toBe('10-2');
  });
});

describe('parseVisualField on incomplete and broken data', () => {
  const base = () => opvJson(DEMO_VISUAL_FIELDS[1]!);
  const without = (dataset: DicomJsonDataset, ...tags: string[]) => {
    const copy = { ...dataset };
    for (const tag of tags) delete copy[tag];
    return copy;
  };

  it('leaves optional data absent instead of inventing it', () => {
    const test = parseVisualField(
      without(base(), '00240087', '00240107', '00240108', '00240064', '00240320', '00240034', '00240088'),
    );
    expect(test.fovealSensitivityDb).toBeUndefined();
    expect(test.blindSpot).toBeUndefined();
    expect(test.indices.meanDeviation).toBeUndefined();
    expect(test.indices.patternStandardDeviation).toBeUndefined();
    expect(test.indices.visualFieldIndexPercent).toBeUndefined();
    expect(test.indices.glaucomaHemifieldTest).toBeUndefined();
    expect(test.reliability.falsePositives).toBeUndefined();
    expect(test.reliability.falseNegatives).toBeUndefined();
    expect(test.durationSeconds).toBeUndefined();
    expect(test.points).toHaveLength(54);
  });

  it('honours "not measured" flags even when a value is present', () => {
    const dataset = base();
    dataset['00240086'] = { vr: 'CS', Value: ['NO'] };
    expect(parseVisualField(dataset).fovealSensitivityDb).toBeUndefined();
  });

  it('refuses a test without laterality, with a message for the clinician', () => {
    expect(() => parseVisualField(without(base(), '00240113'))).toThrow(VisualFieldDataError);
    expect(() => parseVisualField(without(base(), '00240113'))).toThrow(/which eye/);
  });

  it('refuses a test without test points', () => {
    expect(() => parseVisualField(without(base(), '00240089'))).toThrow(/no test points/);
  });

  it('refuses a sensitivity that is not a number, naming the point in the detail', () => {
    const dataset = base();
    const points = dataset['00240089']!.Value as DicomJsonDataset[];
    points[3] = { ...points[3]!, '00240094': { vr: 'FL', Value: ['bright'] } };
    try {
      parseVisualField(dataset);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VisualFieldDataError);
      expect((error as VisualFieldDataError).message).toMatch(/not a number/);
      expect((error as VisualFieldDataError).detail).toMatch(
        /SensitivityValue \(0024,0094\) in test point 4/,
      );
    }
  });

  it('refuses a sequence stored with another VR', () => {
    const dataset = base();
    dataset['00240089'] = { vr: 'UN', InlineBinary: 'AAAA' };
    expect(() => parseVisualField(dataset)).toThrow(/cannot read/);
  });

  it('refuses another SOP class', () => {
    const dataset = base();
    dataset['00080016'] = { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.104.1'] };
    expect(() => parseVisualField(dataset)).toThrow(/not a visual-field measurement/);
  });
});

describe('helpers', () => {
  it('names Goldmann sizes from the stimulus area', () => {
    expect(goldmannSize(0.1452)).toBe('III');
    expect(goldmannSize(0.58)).toBe('IV');
    expect(goldmannSize(0.3)).toBeUndefined();
    expect(goldmannSize(undefined)).toBeUndefined();
  });

  it('puts probabilities into the printout classes', () => {
    expect(probabilityLevel(50)).toBeUndefined();
    expect(probabilityLevel(5)).toBeUndefined();
    expect(probabilityLevel(4.9)).toBe(5);
    expect(probabilityLevel(1.5)).toBe(2);
    expect(probabilityLevel(0.7)).toBe(1);
    expect(probabilityLevel(0.01)).toBe(0.5);
    expect(probabilityLevel(undefined)).toBeUndefined();
  });
});
