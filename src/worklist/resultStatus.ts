import type { PersonName, ScheduledProcedure, StudySummary } from '../dicom';
import type { StudyArrival } from '../dicomweb';

/** What the PACS holds for an order, in the words on the worklist. */
export type ResultStatusKind = 'waiting' | 'images' | 'report' | 'needs-match';

export interface ResultStatus {
  kind: ResultStatusKind;
  /** Instances stored for the order (images and documents). */
  instances: number;
  /** The order's studies, to open in the viewer. */
  studyInstanceUids: string[];
  /** For "needs match": what disagrees with the order ("patient ID", "name", "birth date"). */
  disagreements: string[];
}

export const RESULT_STATUS_LABELS: Record<ResultStatusKind, string> = {
  waiting: 'Waiting',
  images: 'Images received',
  report: 'Report received',
  'needs-match': 'Needs match',
};

/** A study in the PACS as far as the worklist cares: who, which order, and how much has arrived. */
export interface ResultStudy {
  studyInstanceUid: string;
  accessionNumber?: string;
  patientId?: string;
  /** Absent when the study is known only from a live event (the next search fills it in). */
  patientName?: PersonName;
  birthDate?: string;
  modalities: string[];
  numberOfInstances: number;
}

/** Modalities of documents that report on an examination rather than image it. */
const REPORT_MODALITIES = new Set(['DOC', 'SR']);

export function resultStudyFromSummary(study: StudySummary): ResultStudy {
  return {
    studyInstanceUid: study.studyInstanceUid,
    accessionNumber: study.accessionNumber,
    patientId: study.patient.id || undefined,
    patientName: study.patient.name,
    birthDate: study.patient.birthDate,
    modalities: study.modalities,
    numberOfInstances: study.numberOfInstances ?? 0,
  };
}

/**
 * A live event folded into what is known of a study: counts and modalities from the event, identity
 * from the last search (an event carries the patient ID only).
 */
export function mergeArrival(known: ResultStudy | undefined, arrival: StudyArrival): ResultStudy {
  return {
    ...known,
    studyInstanceUid: arrival.studyInstanceUid,
    accessionNumber: arrival.accessionNumber ?? known?.accessionNumber,
    patientId: arrival.patientId ?? known?.patientId,
    modalities: arrival.modalities.length > 0 ? arrival.modalities : (known?.modalities ?? []),
    numberOfInstances: arrival.numberOfInstances,
  };
}

/**
 * Case and spacing do not make two names different people. Accents do: "Muller" typed at a modality
 * for "Müller" on the order is exactly the slip a technician must confirm before the study is filed.
 */
function nameKey(name: PersonName | undefined): string | undefined {
  const group = name?.alphabetic ?? name?.ideographic;
  if (!group) return undefined;
  return [group.family, group.given].join(' ').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Where a study's patient identity disagrees with the order's (attributes absent on either side are not compared). */
export function identityDisagreements(procedure: ScheduledProcedure, study: ResultStudy): string[] {
  const found: string[] = [];
  if (study.patientId && procedure.patient.id && study.patientId !== procedure.patient.id)
    found.push('patient ID');
  const orderName = nameKey(procedure.patient.name);
  const studyName = nameKey(study.patientName);
  if (orderName && studyName && orderName !== studyName) found.push('name');
  if (study.birthDate && procedure.patient.birthDate && study.birthDate !== procedure.patient.birthDate) {
    found.push('birth date');
  }
  return found;
}

/** Studies by accession number and by Study Instance UID, so that each row finds its own at once. */
export interface StudyIndex {
  byAccession: Map<string, ResultStudy[]>;
  byUid: Map<string, ResultStudy>;
}

export function indexStudies(studies: Iterable<ResultStudy>): StudyIndex {
  const index: StudyIndex = { byAccession: new Map(), byUid: new Map() };
  for (const study of studies) {
    index.byUid.set(study.studyInstanceUid, study);
    if (study.accessionNumber) {
      const list = index.byAccession.get(study.accessionNumber) ?? [];
      list.push(study);
      index.byAccession.set(study.accessionNumber, list);
    }
  }
  return index;
}

/**
 * The result status of an order: its studies are those with its accession number or its Study
 * Instance UID. A study whose patient disagrees with the order needs a match before anything else;
 * otherwise a report outranks images, and nothing stored means waiting.
 */
export function resultStatusOf(procedure: ScheduledProcedure, index: StudyIndex): ResultStatus {
  const byAccession = procedure.accessionNumber
    ? index.byAccession.get(procedure.accessionNumber)
    : undefined;
  const byUid = procedure.studyInstanceUid ? index.byUid.get(procedure.studyInstanceUid) : undefined;
  // Most orders of a busy day have nothing yet; the list is worked out for every order on each render.
  if (!byAccession && !byUid)
    return { kind: 'waiting', instances: 0, studyInstanceUids: [], disagreements: [] };
  const studies = new Map<string, ResultStudy>();
  for (const study of byAccession ?? []) studies.set(study.studyInstanceUid, study);
  if (byUid) studies.set(byUid.studyInstanceUid, byUid);

  const list = [...studies.values()].filter((study) => study.numberOfInstances > 0);
  const instances = list.reduce((sum, study) => sum + study.numberOfInstances, 0);
  const disagreements = [...new Set(list.flatMap((study) => identityDisagreements(procedure, study)))];
  const studyInstanceUids = list.map((study) => study.studyInstanceUid);
  const kind: ResultStatusKind =
    list.length === 0
      ? 'waiting'
      : disagreements.length > 0
        ? 'needs-match'
        : list.some((study) => study.modalities.some((m) => REPORT_MODALITIES.has(m)))
          ? 'report'
          : 'images';
  return { kind, instances, studyInstanceUids, disagreements };
}

/** The words of a status cell: "Images received (12)", "Needs match — name, birth date". */
export function describeResultStatus(status: ResultStatus): string {
  const label = RESULT_STATUS_LABELS[status.kind];
  if (status.kind === 'waiting') return label;
  if (status.kind === 'needs-match') return `${label} — ${status.disagreements.join(', ')}`;
  return `${label} (${status.instances})`;
}
