import { seriesUid, studyUid } from '../uids';
import type { Code } from '../visualField/model';
import { DEMO_CODEC_STUDY, DEMO_TRANSFER_SYNTAXES } from './codecs';
import { DEMO_CR, DEMO_CT, DEMO_MR, DEMO_THICKNESS_MAP, DEMO_US } from './images';
import { DEMO_REFERRING_PHYSICIAN } from './patients';
import { DEMO_VISUAL_FIELDS } from './visualFields';

/** A PDF report stored as an Encapsulated PDF instance in the study it reports on. */
export type DemoReport =
  | {
      kind: 'radiology';
      title: string;
      author: string;
      /** Series of the same study the report was made from. */
      sourceSeries: number[];
      findings: string[];
      impression: string;
    }
  | {
      kind: 'visual-field';
      title: string;
      author: string;
      /** Keys of DEMO_VISUAL_FIELDS, one page each. */
      fields: string[];
      interpretation: string[];
    };

/** LOINC codes for the Concept Name of the reports (the kind of document). */
export const REPORT_CONCEPTS: Record<DemoReport['kind'], Code> = {
  radiology: { value: '18748-4', scheme: 'LN', meaning: 'Diagnostic imaging study' },
  'visual-field': { value: '28629-4', scheme: 'LN', meaning: 'Perimetry study' },
};

export type SeriesContent =
  | { kind: 'ct' }
  | { kind: 'mr' }
  | { kind: 'cr' }
  | { kind: 'us-cine' }
  | { kind: 'fundus'; eye: 'R' | 'L'; size: number; cupDiscRatio: number }
  | { kind: 'thickness-map' }
  | { kind: 'visual-field'; field: string }
  | { kind: 'report'; report: DemoReport }
  | { kind: 'codec'; transferSyntaxUid: string };

export interface DemoSeries {
  number: number;
  seriesInstanceUID: string;
  modality: string;
  description: string;
  /** How many instances the series holds. */
  instances: number;
  content: SeriesContent;
}

export interface DemoStudy {
  key: string;
  patient: string;
  studyInstanceUID: string;
  date: string;
  time: string;
  description: string;
  accessionNumber: string;
  referringPhysician: string;
  series: DemoSeries[];
}

type SeriesEntry = Omit<DemoSeries, 'seriesInstanceUID'>;

function study(
  key: string,
  patient: string,
  date: string,
  time: string,
  description: string,
  accessionNumber: string,
  series: SeriesEntry[],
): DemoStudy {
  return {
    key,
    patient,
    studyInstanceUID: studyUid(key),
    date,
    time,
    description,
    accessionNumber,
    referringPhysician: DEMO_REFERRING_PHYSICIAN,
    series: series.map((s) => ({ ...s, seriesInstanceUID: seriesUid(key, s.number) })),
  };
}

const fundusPair = (size: number, cupDiscRatio: { R: number; L: number }): SeriesEntry[] =>
  (['R', 'L'] as const).map((eye, i) => ({
    number: i + 1,
    modality: 'OP',
    description: eye === 'R' ? 'Colour fundus OD' : 'Colour fundus OS',
    instances: 1,
    content: { kind: 'fundus', eye, size, cupDiscRatio: cupDiscRatio[eye] },
  }));

const [fieldOd, fieldOs] = DEMO_VISUAL_FIELDS;

/** A study of visual fields only, one series per test, for the catalog entries of one study key. */
function visualFieldStudy(key: string, description: string, accessionNumber: string): DemoStudy {
  const fields = DEMO_VISUAL_FIELDS.filter((field) => field.studyKey === key);
  const first = fields[0]!;
  return study(
    key,
    first.patient,
    first.date,
    first.time,
    description,
    accessionNumber,
    fields.map((field) => ({
      number: field.seriesNumber,
      modality: 'OPV',
      description: `Visual field ${field.pattern} ${field.eye === 'R' ? 'OD' : 'OS'}`,
      instances: 1,
      content: { kind: 'visual-field', field: field.key } as const,
    })),
  );
}

/** Prior fundus photographs, so that every patient has a history in the archive. */
const PRIORS: ReadonlyArray<[patient: string, date: string]> = [
  ['papadopoulou', '20240318'],
  ['ivanov', '20240422'],
  ['yamada', '20240930'],
  ['kim', '20241105'],
  ['alhassan', '20250210'],
  ['cohen', '20250312'],
  ['okafor', '20250617'],
  ['nguyen', '20250801'],
  ['mueller', '20250901'],
];

/** Every study of the archive that does not depend on the date of today. */
export const DEMO_STUDIES: readonly DemoStudy[] = [
  study(
    DEMO_CT.studyKey,
    DEMO_CT.patient,
    DEMO_CT.studyDate,
    DEMO_CT.studyTime,
    DEMO_CT.description,
    DEMO_CT.accessionNumber,
    [
      {
        number: DEMO_CT.seriesNumber,
        modality: 'CT',
        description: DEMO_CT.seriesDescription,
        instances: DEMO_CT.slices,
        content: { kind: 'ct' },
      },
      {
        number: 90,
        modality: 'DOC',
        description: 'Radiology report',
        instances: 1,
        content: {
          kind: 'report',
          report: {
            kind: 'radiology',
            title: 'CT chest and upper abdomen',
            author: 'Okonkwo^Adaeze^^Dr.',
            sourceSeries: [DEMO_CT.seriesNumber],
            findings: [
              'Lungs: a solid 11 mm nodule in the right upper lobe (slices 96-104). No consolidation.',
              'Mediastinum: a 6 mm calcified lymph node, likely post-granulomatous.',
              'Liver: a 14 mm well-defined hypodense lesion (5 HU) in segment VI, consistent with a simple cyst.',
              'Bones: vertebral bodies of normal height and density.',
            ],
            impression: 'Right upper lobe nodule: follow-up CT in 3 months is recommended.',
          },
        },
      },
    ],
  ),
  study('opv', 'mueller', fieldOd!.date, fieldOd!.time, 'VISUAL FIELDS', 'ACC-VF-0001', [
    ...[fieldOd!, fieldOs!].map((field) => ({
      number: field.seriesNumber,
      modality: 'OPV',
      description: `Visual field ${field.pattern} ${field.eye === 'R' ? 'OD' : 'OS'}`,
      instances: 1,
      content: { kind: 'visual-field', field: field.key } as const,
    })),
    {
      number: 3,
      modality: 'DOC',
      description: 'Visual field report',
      instances: 1,
      content: {
        kind: 'report',
        report: {
          kind: 'visual-field',
          title: 'Visual field report',
          author: 'Lindgren^Karin^^Dr.',
          fields: [fieldOd!.key, fieldOs!.key],
          interpretation: [
            'OD: within normal limits.',
            'OS: early superior arcuate defect with a nasal step, consistent with glaucoma; correlate with the optic disc (cup-to-disc 0.6 OS on 2025-09-01).',
          ],
        },
      },
    },
  ]),
  visualFieldStudy('opv-papadopoulou', 'VISUAL FIELDS', 'ACC-VF-0002'),
  visualFieldStudy('opv-garcia', 'VISUAL FIELDS', 'ACC-VF-0003'),
  study(
    DEMO_MR.studyKey,
    DEMO_MR.patient,
    DEMO_MR.studyDate,
    DEMO_MR.studyTime,
    DEMO_MR.description,
    DEMO_MR.accessionNumber,
    [
      {
        number: DEMO_MR.seriesNumber,
        modality: 'MR',
        description: DEMO_MR.seriesDescription,
        instances: DEMO_MR.slices,
        content: { kind: 'mr' },
      },
    ],
  ),
  study(
    DEMO_CR.studyKey,
    DEMO_CR.patient,
    DEMO_CR.studyDate,
    DEMO_CR.studyTime,
    DEMO_CR.description,
    DEMO_CR.accessionNumber,
    [
      {
        number: DEMO_CR.seriesNumber,
        modality: 'CR',
        description: DEMO_CR.seriesDescription,
        instances: 1,
        content: { kind: 'cr' },
      },
    ],
  ),
  study(
    DEMO_US.studyKey,
    DEMO_US.patient,
    DEMO_US.studyDate,
    DEMO_US.studyTime,
    DEMO_US.description,
    DEMO_US.accessionNumber,
    [
      {
        number: DEMO_US.seriesNumber,
        modality: 'US',
        description: DEMO_US.seriesDescription,
        instances: 1,
        content: { kind: 'us-cine' },
      },
    ],
  ),
  study(DEMO_THICKNESS_MAP.studyKey, 'lindqvist', '20250505', '090000', 'FUNDUS PHOTOGRAPHY', 'ACC-OP-0001', [
    ...fundusPair(1024, { R: 0.3, L: 0.35 }),
    {
      number: DEMO_THICKNESS_MAP.seriesNumber,
      modality: 'OT',
      description: DEMO_THICKNESS_MAP.seriesDescription,
      instances: 1,
      content: { kind: 'thickness-map' },
    },
  ]),
  ...PRIORS.map(([patient, date]) =>
    study(
      `op-${patient}`,
      patient,
      date,
      '093000',
      'FUNDUS PHOTOGRAPHY',
      `ACC-OP-${date.slice(2)}`,
      fundusPair(512, patient === 'mueller' ? { R: 0.35, L: 0.6 } : { R: 0.3, L: 0.3 }),
    ),
  ),
  study(
    DEMO_CODEC_STUDY.key,
    DEMO_CODEC_STUDY.patient,
    DEMO_CODEC_STUDY.date,
    DEMO_CODEC_STUDY.time,
    DEMO_CODEC_STUDY.description,
    DEMO_CODEC_STUDY.accessionNumber,
    DEMO_TRANSFER_SYNTAXES.map((syntax) => ({
      number: syntax.seriesNumber,
      // The series mixes the modalities of its images; this is the first one's.
      modality: 'CT',
      description: syntax.name,
      instances: syntax.images.length,
      content: { kind: 'codec', transferSyntaxUid: syntax.uid },
    })),
  ),
];

export function demoStudy(key: string): DemoStudy {
  const found = DEMO_STUDIES.find((s) => s.key === key);
  if (!found) throw new Error(`No demo study "${key}"`);
  return found;
}
