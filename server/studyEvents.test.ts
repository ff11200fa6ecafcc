import { describe, expect, it } from 'vitest';
import {
  RecentEvents,
  sseFrame,
  studyArrivedEvent,
  touchedResources,
  type OrthancChange,
  type StudyArrivedEvent,
} from './studyEvents';

const change = (Seq: number, ChangeType: string, ID: string, ResourceType = 'Instance'): OrthancChange => ({
  Seq,
  ChangeType,
  ID,
  ResourceType,
});

describe('touchedResources', () => {
  it('collects the studies, series and instances a page of changes touches, once each', () => {
    const touched = touchedResources([
      change(1, 'NewPatient', 'p1', 'Patient'),
      change(2, 'NewStudy', 's1', 'Study'),
      change(3, 'NewSeries', 'se1', 'Series'),
      change(4, 'NewInstance', 'i1'),
      change(5, 'NewInstance', 'i2'),
      change(6, 'NewInstance', 'i1'),
      change(7, 'StableSeries', 'se1', 'Series'),
      change(8, 'StableStudy', 's2', 'Study'),
      change(9, 'Deleted', 's3', 'Study'),
    ]);
    expect([...touched.studies]).toEqual(['s1', 's2']);
    expect([...touched.series]).toEqual(['se1']);
    expect([...touched.instances]).toEqual(['i1', 'i2']);
    expect([...touched.stable]).toEqual(['s2']);
  });

  it('touches nothing for changes that do not concern a study', () => {
    const touched = touchedResources([
      change(1, 'NewPatient', 'p1', 'Patient'),
      change(2, 'JobSuccess', 'j1', 'Job'),
    ]);
    expect(touched.studies.size + touched.series.size + touched.instances.size).toBe(0);
  });
});

describe('studyArrivedEvent', () => {
  const study = {
    ID: 'o1',
    MainDicomTags: { StudyInstanceUID: '1.2.3', AccessionNumber: ' A20261123-002 ' },
    PatientMainDicomTags: { PatientID: 'FOV1001' },
  };

  it('carries the identifiers a worklist row is found by, the modalities and the instance count', () => {
    const event = studyArrivedEvent(
      study,
      [
        { MainDicomTags: { Modality: 'OPV' }, Instances: ['a', 'b'] },
        { MainDicomTags: { Modality: 'DOC' }, Instances: ['c'] },
        { MainDicomTags: { Modality: 'OPV' }, Instances: ['d'] },
      ],
      42,
      false,
    );
    expect(event).toEqual({
      seq: 42,
      studyInstanceUid: '1.2.3',
      accessionNumber: 'A20261123-002',
      patientId: 'FOV1001',
      modalities: ['OPV', 'DOC'],
      numberOfInstances: 4,
      stable: false,
    });
  });

  it('leaves out an empty accession number rather than sending ""', () => {
    const event = studyArrivedEvent(
      { ...study, MainDicomTags: { StudyInstanceUID: '1.2.3', AccessionNumber: '' } },
      [],
      1,
      true,
    );
    expect(event).toBeDefined();
    expect(event).not.toHaveProperty('accessionNumber');
    expect(event!.numberOfInstances).toBe(0);
    expect(event!.stable).toBe(true);
  });

  it('announces nothing for a study without a Study Instance UID', () => {
    expect(studyArrivedEvent({ ID: 'x', MainDicomTags: {} }, [], 1, false)).toBeUndefined();
  });
});

describe('server-sent event frames', () => {
  it('writes id, type and one line of JSON, ended by a blank line', () => {
    expect(sseFrame('study', { a: 'b\nc' }, 7)).toBe('id: 7\nevent: study\ndata: {"a":"b\\nc"}\n\n');
    expect(sseFrame('feed', { live: false })).toBe('event: feed\ndata: {"live":false}\n\n');
  });
});

describe('RecentEvents', () => {
  const event = (seq: number): StudyArrivedEvent => ({
    seq,
    studyInstanceUid: `1.${seq}`,
    modalities: [],
    numberOfInstances: 1,
    stable: false,
  });

  it('replays what a client missed after its Last-Event-ID, and nothing to a new client', () => {
    const recent = new RecentEvents(3);
    [1, 2, 3, 4].forEach((seq) => recent.add(event(seq)));
    expect(recent.after('2').map((e) => e.seq)).toEqual([3, 4]);
    // The oldest fell out of the buffer.
    expect(recent.after('0').map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(recent.after(undefined)).toEqual([]);
    expect(recent.after('not-a-number')).toEqual([]);
  });
});
