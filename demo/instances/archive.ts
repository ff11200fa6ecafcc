import { CODEC_SOURCE_IMAGES, DEMO_CODEC_STUDY, type CodecSourceImage } from '../catalog/codecs';
import { DEMO_CT, DEMO_MR, SOP_CLASSES } from '../catalog/images';
import { DEMO_INSTITUTION, demoPatient } from '../catalog/patients';
import { demoIncoming, type DemoIncomingStudy } from '../catalog/schedule';
import {
  DEMO_STUDIES,
  demoStudy,
  REPORT_CONCEPTS,
  type DemoReport,
  type DemoSeries,
  type DemoStudy,
} from '../catalog/studies';
import { demoVisualField } from '../catalog/visualFields';
import type { Dataset } from '../dicom/writer';
import { radiologyReportPdf, visualFieldReportPdf, type ReportHeader } from '../pdf/reports';
import { demoUid, instanceUid } from '../uids';
import { visualFieldInstance } from '../visualField/opv';
import type { SeriesContext, StudyContext } from './common';
import {
  crImage,
  ctImage,
  fundusImage,
  mrImage,
  thicknessMapImage,
  ultrasoundCine,
  ultrasoundFrameImage,
} from './images';
import { encapsulatedPdfInstance } from './reports';

// What each entry of the catalog becomes: the datasets of the archive, of the codec study's sources
// and of today's incoming studies, each with a file name unique in its build directory.

export interface NamedDataset {
  name: string;
  dataset: Dataset;
}

const fileName = (folder: string, series: number, instance: number) =>
  `${folder}/s${String(series).padStart(3, '0')}-i${String(instance).padStart(4, '0')}.dcm`;

const contextOf = (study: DemoStudy): StudyContext => ({
  key: study.key,
  patient: demoPatient(study.patient),
  studyInstanceUID: study.studyInstanceUID,
  date: study.date,
  time: study.time,
  description: study.description,
  accessionNumber: study.accessionNumber,
  referringPhysician: study.referringPhysician,
});

const seriesOf = (series: DemoSeries): SeriesContext => ({
  number: series.number,
  seriesInstanceUID: series.seriesInstanceUID,
  modality: series.modality,
  description: series.description,
});

function reportHeader(study: StudyContext, title: string, author: string): ReportHeader {
  const recorded = {
    name: study.patient.name,
    id: study.patient.id,
    birthDate: study.patient.birthDate,
    ...study.recorded,
  };
  return {
    title,
    institution: DEMO_INSTITUTION,
    patientName: recorded.name,
    patientId: recorded.id,
    birthDate: recorded.birthDate,
    sex: study.patient.sex,
    date: study.date,
    time: study.time,
    accessionNumber: study.accessionNumber,
    referringPhysician: study.referringPhysician,
    author,
  };
}

function sopClassOf(series: DemoSeries): string {
  const classes: Record<DemoSeries['content']['kind'], string> = {
    ct: SOP_CLASSES.ctImage,
    mr: SOP_CLASSES.mrImage,
    cr: SOP_CLASSES.crImage,
    'us-cine': SOP_CLASSES.usMultiFrameImage,
    fundus: SOP_CLASSES.ophthalmicPhotography8Bit,
    'thickness-map': SOP_CLASSES.secondaryCapture,
    'visual-field': SOP_CLASSES.visualFieldStaticPerimetry,
    report: SOP_CLASSES.encapsulatedPdf,
    codec: SOP_CLASSES.ctImage,
  };
  return classes[series.content.kind];
}

function reportInstance(study: DemoStudy, series: DemoSeries, report: DemoReport): Dataset {
  const context = contextOf(study);
  const created = `${study.date}${study.time}`;
  const uid = instanceUid(study.key, series.number, 1);
  if (report.kind === 'radiology') {
    const sources = study.series
      .filter((s) => report.sourceSeries.includes(s.number))
      .flatMap((s) =>
        Array.from({ length: s.instances }, (_, i) => ({
          sopClassUID: sopClassOf(s),
          sopInstanceUID: instanceUid(study.key, s.number, i + 1),
        })),
      );
    const pdf = radiologyReportPdf(
      reportHeader(context, report.title, report.author),
      report.findings,
      report.impression,
      created,
    );
    return encapsulatedPdfInstance(
      context,
      seriesOf(series),
      { pdf, title: report.title, concept: REPORT_CONCEPTS.radiology, sources },
      uid,
    );
  }
  const fields = report.fields.map(demoVisualField);
  const pdf = visualFieldReportPdf(
    reportHeader(context, report.title, report.author),
    fields.map((result, i) => ({ result, interpretation: report.interpretation[i] ?? '' })),
    created,
  );
  const sources = fields.map((f) => ({
    sopClassUID: SOP_CLASSES.visualFieldStaticPerimetry,
    sopInstanceUID: f.sopInstanceUID,
  }));
  return encapsulatedPdfInstance(
    context,
    seriesOf(series),
    { pdf, title: report.title, concept: REPORT_CONCEPTS['visual-field'], sources },
    uid,
  );
}

/** The datasets of one series of a static study, one at a time (a CT series is 100 MB). */
function* seriesInstances(study: DemoStudy, series: DemoSeries): Generator<Dataset> {
  const context = contextOf(study);
  const s = seriesOf(series);
  const uid = (n: number) => instanceUid(study.key, series.number, n);
  const { content } = series;
  switch (content.kind) {
    case 'ct':
      for (let z = 0; z < series.instances; z++) yield ctImage(context, s, z, uid(z + 1));
      return;
    case 'mr':
      for (let z = 0; z < series.instances; z++) yield mrImage(context, s, z, uid(z + 1));
      return;
    case 'cr':
      yield crImage(context, s, uid(1));
      return;
    case 'us-cine':
      yield ultrasoundCine(context, s, uid(1));
      return;
    case 'fundus':
      yield fundusImage(context, s, { ...content, instanceNumber: 1 }, uid(1));
      return;
    case 'thickness-map':
      yield thicknessMapImage(context, s, uid(1));
      return;
    case 'visual-field':
      yield visualFieldOf(study, series, content.field);
      return;
    case 'report':
      yield reportInstance(study, series, content.report);
      return;
    case 'codec':
      // Written by the codec jobs.
      return;
  }
}

/**
 * The datasets of every static study (the codec study's come from `codecSources`), study by study.
 * `done` is called after each study with its number of instances.
 */
export function* archiveInstances(
  done: (study: DemoStudy, count: number) => void = () => {},
): Generator<NamedDataset> {
  for (const study of DEMO_STUDIES) {
    let count = 0;
    for (const series of study.series) {
      let n = 0;
      for (const dataset of seriesInstances(study, series)) {
        yield { name: fileName(study.key, series.number, ++n), dataset };
        count++;
      }
    }
    if (count) done(study, count);
  }
}

/**
 * The source images of the codec study, as the series of a transfer syntax holds them before
 * encoding. Each image is made once and shared by all the transfer syntaxes' series.
 */
export function codecSources(): (
  image: CodecSourceImage,
  series: SeriesContext,
  sopInstanceUID: string,
) => Dataset {
  const made = new Map<CodecSourceImage, Dataset>();
  return (image, series, sopInstanceUID) => codecSource(made, image, series, sopInstanceUID);
}

function codecSource(
  made: Map<CodecSourceImage, Dataset>,
  image: CodecSourceImage,
  series: SeriesContext,
  sopInstanceUID: string,
): Dataset {
  let source = made.get(image);
  if (!source) {
    source = makeCodecSource(image, series, sopInstanceUID);
    made.set(image, source);
  }
  return {
    ...source,
    SeriesInstanceUID: series.seriesInstanceUID,
    SeriesNumber: series.number,
    SeriesDescription: series.description,
    SOPInstanceUID: sopInstanceUID,
  };
}

function makeCodecSource(image: CodecSourceImage, series: SeriesContext, sopInstanceUID: string): Dataset {
  const study = contextOf(demoStudy(DEMO_CODEC_STUDY.key));
  const instanceNumber = CODEC_SOURCE_IMAGES[image].instanceNumber;
  const at = { InstanceNumber: instanceNumber, ImageComments: CODEC_SOURCE_IMAGES[image].what };
  switch (image) {
    case 'ct16s':
      return { ...ctImage(study, series, DEMO_CT.probeSlice, sopInstanceUID), ...at, Modality: 'CT' };
    case 'mr16u':
      return { ...mrImage(study, series, DEMO_MR.probeSlice, sopInstanceUID), ...at, Modality: 'MR' };
    case 'cr12':
      return { ...crImage(study, series, sopInstanceUID), ...at, Modality: 'CR' };
    case 'rgb8':
      return {
        ...fundusImage(
          study,
          series,
          { eye: 'R', size: 1024, cupDiscRatio: 0.3, instanceNumber },
          sopInstanceUID,
        ),
        ...at,
        Modality: 'OP',
      };
    case 'grey8':
      return {
        ...ultrasoundFrameImage(study, series, 5, sopInstanceUID, instanceNumber),
        ...at,
        Modality: 'US',
      };
  }
}

function visualFieldOf(study: DemoStudy, series: DemoSeries, fieldKey: string): Dataset {
  const field = demoVisualField(fieldKey);
  return visualFieldInstance(contextOf(study), seriesOf(series), field, field.sopInstanceUID);
}

/** A visual field of the archive, as the archive writes it: with its study's and series' attributes. */
export function archivedVisualField(fieldKey: string): Dataset {
  const study = demoStudy(demoVisualField(fieldKey).studyKey);
  const series = study.series.find(
    ({ content }) => content.kind === 'visual-field' && content.field === fieldKey,
  );
  if (!series)
    throw new Error(`Study "${study.key}" of the demo archive does not hold visual field "${fieldKey}"`);
  return visualFieldOf(study, series, fieldKey);
}

/** Today's incoming studies: fundus photographs or visual fields, with the demographics the modality recorded. */
export function* incomingInstances(today: Date): Generator<NamedDataset> {
  for (const incoming of demoIncoming(today)) {
    const context = incomingContext(incoming);
    const key = `incoming/${incoming.date}/${incoming.patient}`;
    const series = (n: number, modality: string, description: string): SeriesContext => ({
      number: n,
      seriesInstanceUID: demoUid(`${key}/series/${n}`),
      modality,
      description,
    });
    const uid = (n: number) => demoUid(`${key}/series/${n}/instance/1`);
    let n = 0;
    for (const eye of incoming.eyes) {
      n++;
      const dataset = fundusImage(
        context,
        series(n, 'OP', eye === 'R' ? 'Colour fundus OD' : 'Colour fundus OS'),
        { eye, size: 512, cupDiscRatio: cupDiscRatioOf(incoming.patient, eye), instanceNumber: 1 },
        uid(n),
      );
      yield { name: fileName(incoming.patient, n, 1), dataset };
    }
    for (const field of incoming.visualFields) {
      n++;
      const description = `Visual field ${field.pattern} ${field.eye === 'R' ? 'OD' : 'OS'}`;
      yield {
        name: fileName(incoming.patient, n, 1),
        dataset: visualFieldInstance(context, series(n, 'OPV', description), field, uid(n)),
      };
    }
  }
}

/** A person's optic disc looks the same in every photograph: as in their photographs in the archive. */
function cupDiscRatioOf(patient: string, eye: 'R' | 'L'): number {
  for (const study of DEMO_STUDIES.filter((s) => s.patient === patient))
    for (const { content } of study.series)
      if (content.kind === 'fundus' && content.eye === eye) return content.cupDiscRatio;
  return 0.3;
}

function incomingContext(incoming: DemoIncomingStudy): StudyContext {
  return {
    key: `incoming-${incoming.date}-${incoming.patient}`,
    patient: incoming.order.patient,
    recorded: { name: incoming.patientName, id: incoming.patientId, birthDate: incoming.patientBirthDate },
    studyInstanceUID: incoming.studyInstanceUID,
    date: incoming.date,
    time: incoming.time,
    description: incoming.order.description.toUpperCase(),
    accessionNumber: incoming.accessionNumber,
    referringPhysician: incoming.order.referringPhysician,
  };
}
