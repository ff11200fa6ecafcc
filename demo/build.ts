import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPatient } from './catalog';
import { DEMO_TRANSFER_SYNTAXES, writeTranscoded, type SourceImage } from './codecs';
import { orderFor } from './orders';
import { part10 } from './part10';
import {
  crInstance,
  ctInstances,
  ctSliceInstance,
  ctStudy,
  fundusInstance,
  mrInstances,
  pdfReportInstance,
  usCineInstance,
  usFrameInstance,
  visualFieldInstance,
  type DemoInstance,
  type StudyInfo,
} from './studies';
import { demoUid, dicomDate } from './uids';
import { simulateVisualField, type VisualFieldResult } from './visualField';

/** Bump when the generated data changes, so that caches are rebuilt. */
export const GENERATOR_VERSION = 3;

export interface DemoInstances {
  /** Every file to store. */
  files: string[];
  /** The part dated today (incoming results for today's orders). */
  todayFiles: string[];
}

type Log = (line: string) => void;

const study = (
  key: string,
  patient: string,
  date: string,
  description: string,
  accessionNumber: string,
  time = '091500',
): StudyInfo => ({
  key,
  patient: demoPatient(patient),
  studyInstanceUID: demoUid(`${key}/study`),
  date,
  time,
  description,
  accessionNumber,
});

function* staticInstances(): Generator<DemoInstance> {
  yield* ctInstances();
  yield pdfReportInstance(ctStudy(), 90, 'CT report', [
    'Lungs clear; a 6 mm nodule in the right upper lobe.',
    'No pleural effusion.',
    'Vertebral bodies of normal height.',
  ]);
  const fields = study('opv', 'mueller', '20250915', 'VISUAL FIELDS', 'ACC-VF-0001', '103000');
  const { right, left } = demoVisualFields();
  yield visualFieldInstance(fields, 1, right);
  yield visualFieldInstance(fields, 2, left);
  yield pdfReportInstance(fields, 3, 'Visual field report', [
    `Right eye (OD), 24-2 SITA Standard: MD ${right.meanDeviationDb} dB, PSD ${right.patternStandardDeviationDb} dB. Within normal limits.`,
    `Left eye (OS), 24-2 SITA Standard: MD ${left.meanDeviationDb} dB, PSD ${left.patternStandardDeviationDb} dB.`,
    'Left eye: early superior arcuate defect with a nasal step, consistent with glaucoma.',
    `Reliability: fixation losses ${right.fixationLosses}/${right.fixationChecks} OD, ${left.fixationLosses}/${left.fixationChecks} OS.`,
  ]);
  yield* mrInstances(study('mr', 'garcia', '20240611', 'MR BRAIN', 'ACC-MR-0001'));
  yield crInstance(study('cr', 'dubois', '20240902', 'CHEST PA', 'ACC-CR-0001'));
  yield usCineInstance(study('us', 'obrien', '20250120', 'ECHOCARDIOGRAPHY', 'ACC-US-0001'));
  const fundus = study('op-lindqvist', 'lindqvist', '20250505', 'FUNDUS PHOTOGRAPHY', 'ACC-OP-0001');
  yield fundusInstance(fundus, 1, 'R');
  yield fundusInstance(fundus, 2, 'L');
  yield pdfReportInstance(fundus, 3, 'Fundus photography report', [
    'Right eye: healthy optic disc, cup-to-disc ratio 0.3. Macula normal.',
    'Left eye: healthy optic disc, cup-to-disc ratio 0.35. Macula normal.',
    'No diabetic retinopathy.',
  ]);
  // A prior fundus study for each other patient, so that every demo patient has a history.
  const priors: Array<[string, string]> = [
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
  for (const [patient, date] of priors) {
    const prior = study(`op-${patient}`, patient, date, 'FUNDUS PHOTOGRAPHY', `ACC-OP-${date.slice(2)}`);
    yield fundusInstance(prior, 1, 'R', 512);
    yield fundusInstance(prior, 2, 'L', 512);
  }
}

/** The demo visual fields of Müller (born 1958, tested 2025): a normal right eye, an early arcuate defect on the left. */
export function demoVisualFields(): {
  right: VisualFieldResult;
  left: VisualFieldResult;
  studyInstanceUID: string;
} {
  return {
    right: simulateVisualField('R', 67, 'none', 1),
    left: simulateVisualField('L', 67, 'superior-arcuate', 2),
    studyInstanceUID: demoUid('opv/study'),
  };
}

/** Sources of the codec reference study, one per kind of image a decoder must handle. */
function codecSources(codec: StudyInfo): Array<[SourceImage, DemoInstance]> {
  return [
    ['ct16s', ctSliceInstance(codec, { SeriesNumber: 0 }, 100)],
    ['mr16u', [...mrInstances(codec, [12])][0]!],
    ['cr12', crInstance(codec, 512, 640)],
    ['rgb8', fundusInstance(codec, 0, 'R', 512)],
    ['grey8', usFrameInstance(codec, { SeriesNumber: 0, Modality: 'US' }, 1)],
  ];
}

export const CODEC_STUDY = {
  key: 'codec',
  patient: 'smith',
  studyInstanceUID: demoUid('codec/study'),
} as const;

async function buildStatic(dir: string, log: Log): Promise<string[]> {
  const marker = join(dir, 'complete.json');
  if (existsSync(marker))
    return (JSON.parse(readFileSync(marker, 'utf8')) as string[]).map((name) => join(dir, name));
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const instance of staticInstances()) {
    writeFileSync(join(dir, `${instance.name}.dcm`), part10(instance.dataset));
    names.push(`${instance.name}.dcm`);
  }
  log(`  wrote ${names.length} instances; encoding the codec reference study…`);
  const codec: StudyInfo = {
    ...study('codec', CODEC_STUDY.patient, '20250101', 'CODEC REFERENCE', 'ACC-CODEC-0001'),
    studyInstanceUID: CODEC_STUDY.studyInstanceUID,
  };
  const jobs: Array<() => Promise<string | undefined>> = [];
  for (const [image, source] of codecSources(codec)) {
    for (const syntax of DEMO_TRANSFER_SYNTAXES) {
      if (!syntax.images.includes(image)) continue;
      const name = `codec-${syntax.seriesNumber}-${image}.dcm`;
      jobs.push(async () =>
        (await writeTranscoded(source, image, syntax, 'codec', join(dir, name), log)) ? name : undefined,
      );
    }
  }
  names.push(...(await inParallel(jobs, 2)).filter((n): n is string => n !== undefined));
  writeFileSync(marker, JSON.stringify(names));
  return names.map((name) => join(dir, name));
}

/** What differs between an incoming study and its order, for the match queue. */
export interface IncomingStudy {
  patient: string;
  studyInstanceUID: string;
  accessionNumber: string;
  /** Empty when the study agrees with its order. */
  discrepancy: string;
  recorded: Partial<{ name: string; id: string; birthDate: string }>;
}

/** Today's incoming results: two that match their orders, and five whose demographics disagree. */
export function demoIncoming(today: Date): IncomingStudy[] {
  const date = dicomDate(today);
  const exact = (patient: string): IncomingStudy => {
    const order = orderFor(today, patient);
    return {
      patient,
      studyInstanceUID: order.studyInstanceUID,
      accessionNumber: order.accessionNumber,
      discrepancy: '',
      recorded: {},
    };
  };
  const differing = (
    patient: string,
    discrepancy: string,
    recorded: IncomingStudy['recorded'],
    accession?: string,
  ): IncomingStudy => ({
    patient,
    studyInstanceUID: demoUid(`incoming/${date}/${patient}`),
    accessionNumber: accession ?? orderFor(today, patient).accessionNumber,
    discrepancy,
    recorded,
  });
  return [
    exact('yamada'),
    exact('lindqvist'),
    differing('dubois', 'typo in the name', { name: 'Dubios^Helene' }),
    differing('nguyen', 'day and month of birth swapped', { birthDate: '19921101' }),
    differing('okafor', 'no accession number', {}, ''),
    differing('cohen', 'patient ID with transposed digits', { id: 'FOV1021' }),
    differing('mueller', 'name typed without accents', { name: 'Muller^Jurgen' }),
  ];
}

async function buildToday(dir: string, today: Date): Promise<string[]> {
  const marker = join(dir, 'complete.json');
  if (existsSync(marker))
    return (JSON.parse(readFileSync(marker, 'utf8')) as string[]).map((name) => join(dir, name));
  mkdirSync(dir, { recursive: true });
  const date = dicomDate(today);
  const names: string[] = [];
  demoIncoming(today).forEach((incoming, i) => {
    const patient = demoPatient(incoming.patient);
    const info: StudyInfo = {
      key: `incoming-${date}-${incoming.patient}`,
      patient,
      recorded: incoming.recorded,
      studyInstanceUID: incoming.studyInstanceUID,
      date,
      time: `${String(8 + i).padStart(2, '0')}4500`,
      description: 'FUNDUS PHOTOGRAPHY',
      accessionNumber: incoming.accessionNumber,
    };
    for (const instance of [fundusInstance(info, 1, 'R', 512), fundusInstance(info, 2, 'L', 512)]) {
      writeFileSync(join(dir, `${instance.name}.dcm`), part10(instance.dataset));
      names.push(`${instance.name}.dcm`);
    }
  });
  writeFileSync(marker, JSON.stringify(names));
  return names.map((name) => join(dir, name));
}

/**
 * Writes the demo data set as Part-10 files into `cacheDir` (once; later calls reuse the files) and
 * returns their paths.
 */
export async function buildDemoInstances(options: {
  cacheDir: string;
  today: Date;
  log?: Log;
}): Promise<DemoInstances> {
  const log = options.log ?? (() => {});
  const files = await buildStatic(join(options.cacheDir, `static-v${GENERATOR_VERSION}`), log);
  const todayFiles = await buildToday(
    join(options.cacheDir, `today-v${GENERATOR_VERSION}-${dicomDate(options.today)}`),
    options.today,
  );
  return { files: [...files, ...todayFiles], todayFiles };
}

async function inParallel<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}
