// Orthanc's change feed (`GET /changes`) in terms the app understands: which studies were touched,
// and a compact "study arrived / grew" event for each. Pure: the feed in events.ts does the HTTP.

/** One record of Orthanc's `/changes` (the fields Fovea reads). */
export interface OrthancChange {
  ChangeType: string;
  ID: string;
  ResourceType: string;
  Seq: number;
}

/** One page of Orthanc's `/changes?since=N`. */
export interface OrthancChangesPage {
  Changes: OrthancChange[];
  Done: boolean;
  Last: number;
}

/** What a page of changes asks the feed to look up before it can say which studies changed. */
export interface TouchedResources {
  /** Orthanc study IDs named directly (NewStudy, StableStudy). */
  studies: Set<string>;
  /** Orthanc series IDs whose study must be looked up (NewSeries, StableSeries). */
  series: Set<string>;
  /** Orthanc instance IDs whose study must be looked up (NewInstance). */
  instances: Set<string>;
  /** Studies Orthanc called stable in this page: no instance arrived for StableAge seconds. */
  stable: Set<string>;
}

/**
 * The resources a page of changes touches. Instances are what make a row flip: the first one of a
 * study arrives seconds before Orthanc calls the study stable, so waiting for StableStudy alone would
 * be too late.
 */
export function touchedResources(changes: readonly OrthancChange[]): TouchedResources {
  const touched: TouchedResources = {
    studies: new Set(),
    series: new Set(),
    instances: new Set(),
    stable: new Set(),
  };
  for (const change of changes) {
    switch (change.ChangeType) {
      case 'NewStudy':
        touched.studies.add(change.ID);
        break;
      case 'StableStudy':
        touched.studies.add(change.ID);
        touched.stable.add(change.ID);
        break;
      case 'NewSeries':
      case 'StableSeries':
        touched.series.add(change.ID);
        break;
      case 'NewInstance':
        touched.instances.add(change.ID);
        break;
      default:
        // Patients, jobs, modifications and deletions do not change what a worklist row shows.
        break;
    }
  }
  return touched;
}

/** Orthanc's `GET /studies/{id}` (the fields Fovea reads). */
export interface OrthancStudy {
  ID: string;
  MainDicomTags?: Record<string, string | undefined>;
  PatientMainDicomTags?: Record<string, string | undefined>;
}

/** One entry of Orthanc's `GET /studies/{id}/series`. */
export interface OrthancSeries {
  MainDicomTags?: Record<string, string | undefined>;
  Instances?: string[];
}

/** The event the app receives when images or documents arrive for a study. */
export interface StudyArrivedEvent {
  /** Orthanc's change sequence number: events are ordered by it and a client resumes after it. */
  seq: number;
  studyInstanceUid: string;
  accessionNumber?: string;
  patientId?: string;
  /** Modalities of the study's series, each once, in the order Orthanc lists the series. */
  modalities: string[];
  /** Instances stored so far. */
  numberOfInstances: number;
  /** True once Orthanc calls the study stable (no instance arrived for a few seconds). */
  stable: boolean;
}

const nonEmpty = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The event for one study, from Orthanc's study and its series; undefined without a Study Instance UID. */
export function studyArrivedEvent(
  study: OrthancStudy,
  series: readonly OrthancSeries[],
  seq: number,
  stable: boolean,
): StudyArrivedEvent | undefined {
  const studyInstanceUid = nonEmpty(study.MainDicomTags?.StudyInstanceUID);
  if (!studyInstanceUid) return undefined;
  const modalities = [
    ...new Set(series.map((s) => nonEmpty(s.MainDicomTags?.Modality)).filter((m) => m !== undefined)),
  ];
  const event: StudyArrivedEvent = {
    seq,
    studyInstanceUid,
    modalities,
    numberOfInstances: series.reduce((sum, s) => sum + (s.Instances?.length ?? 0), 0),
    stable,
  };
  const accessionNumber = nonEmpty(study.MainDicomTags?.AccessionNumber);
  const patientId = nonEmpty(study.PatientMainDicomTags?.PatientID);
  if (accessionNumber) event.accessionNumber = accessionNumber;
  if (patientId) event.patientId = patientId;
  return event;
}

/** A server-sent event frame (text/event-stream): an id to resume after, a type and one JSON line. */
export function sseFrame(type: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The last events sent, so that a client that reconnects with Last-Event-ID gets what it missed while
 * it was away (as long as it was not away for longer than the buffer holds).
 */
export class RecentEvents {
  private readonly events: StudyArrivedEvent[] = [];

  constructor(private readonly capacity = 500) {}

  add(event: StudyArrivedEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
  }

  /** Events after `seq`; an id that is not a number gets nothing (a fresh client). */
  after(lastEventId: string | undefined): StudyArrivedEvent[] {
    const seq = Number(lastEventId);
    if (lastEventId === undefined || lastEventId === '' || !Number.isFinite(seq)) return [];
    return this.events.filter((event) => event.seq > seq);
  }
}
