import { describe, expect, it } from 'vitest';
import { parsePersonName, type ScheduledProcedure } from '../dicom';
import {
  describeResultStatus,
  indexStudies,
  mergeArrival,
  resultStatusOf,
  type ResultStudy,
} from './resultStatus';

const order: ScheduledProcedure = {
  workitemUid: '2.25.1',
  patient: { name: parsePersonName('Müller^Jürgen'), id: 'FOV1001', birthDate: '19580312', sex: 'M' },
  scheduledStart: '20261123083000',
  modality: 'OPV',
  accessionNumber: 'A20261123-002',
  studyInstanceUid: '2.25.77',
  state: 'SCHEDULED',
};

const study = (overrides: Partial<ResultStudy>): ResultStudy => ({
  studyInstanceUid: '1.2.3',
  accessionNumber: 'A20261123-002',
  patientId: 'FOV1001',
  patientName: parsePersonName('MÜLLER^Jürgen'),
  birthDate: '19580312',
  modalities: ['OPV'],
  numberOfInstances: 2,
  ...overrides,
});

const statusWith = (...studies: ResultStudy[]) => resultStatusOf(order, indexStudies(studies));

describe('resultStatusOf', () => {
  it('waits while nothing with the order’s accession or study UID is stored', () => {
    expect(statusWith(study({ accessionNumber: 'OTHER' })).kind).toBe('waiting');
    expect(statusWith()).toEqual({ kind: 'waiting', instances: 0, studyInstanceUids: [], disagreements: [] });
  });

  it('counts the images of the order’s studies, found by accession or by study UID', () => {
    const status = statusWith(
      study({}),
      study({ studyInstanceUid: '2.25.77', accessionNumber: undefined, numberOfInstances: 3 }),
    );
    expect(status.kind).toBe('images');
    expect(status.instances).toBe(5);
    expect(status.studyInstanceUids.sort()).toEqual(['1.2.3', '2.25.77']);
    expect(describeResultStatus(status)).toBe('Images received (5)');
  });

  it('says a report arrived when a document is among the results', () => {
    expect(statusWith(study({ modalities: ['OPV', 'DOC'] })).kind).toBe('report');
  });

  it('needs a match when the patient disagrees with the order, whatever else arrived', () => {
    const status = statusWith(
      study({ patientName: parsePersonName('Muller^Jurgen'), birthDate: '19581203', modalities: ['DOC'] }),
    );
    // A name typed without its accents is a different spelling to confirm; case alone is not.
    expect(status.kind).toBe('needs-match');
    expect(status.disagreements).toEqual(['name', 'birth date']);
    expect(statusWith(study({ patientName: parsePersonName('MÜLLER^JÜRGEN') })).kind).toBe('images');
    expect(statusWith(study({ patientId: 'FOV1010' })).disagreements).toEqual(['patient ID']);
    expect(statusWith(study({ patientName: parsePersonName('Mueller^Juergen') })).disagreements).toEqual([
      'name',
    ]);
    expect(describeResultStatus(statusWith(study({ patientId: 'X' })))).toBe('Needs match — patient ID');
  });

  it('ignores a study that holds no instance yet', () => {
    expect(statusWith(study({ numberOfInstances: 0 })).kind).toBe('waiting');
  });
});

describe('mergeArrival', () => {
  it('takes counts from the event and keeps the identity an event does not carry', () => {
    const known = study({ numberOfInstances: 1 });
    const merged = mergeArrival(known, {
      seq: 9,
      studyInstanceUid: '1.2.3',
      accessionNumber: 'A20261123-002',
      patientId: 'FOV1001',
      modalities: ['OPV', 'DOC'],
      numberOfInstances: 4,
      stable: false,
    });
    expect(merged).toEqual({ ...known, modalities: ['OPV', 'DOC'], numberOfInstances: 4 });
    const fresh = mergeArrival(undefined, {
      seq: 1,
      studyInstanceUid: '9.9',
      modalities: ['OP'],
      numberOfInstances: 1,
      stable: false,
    });
    expect(fresh).toMatchObject({ studyInstanceUid: '9.9', numberOfInstances: 1, modalities: ['OP'] });
  });
});
