import { describe, expect, it } from 'vitest';
import { toScheduledProcedure } from './workitem';

// A workitem as the gateway's UPS-RS search writes it (see server/workitems/fromMwl.ts).
const workitem = {
  '00080018': { vr: 'UI', Value: ['2.25.1'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Yamada^Tarō', Ideographic: '山田^太郎' }] },
  '00100020': { vr: 'LO', Value: ['FOV1009'] },
  '00100030': { vr: 'DA', Value: ['19801119'] },
  '00100040': { vr: 'CS', Value: ['M'] },
  '00404005': { vr: 'DT', Value: ['20261123080000'] },
  '00741000': { vr: 'CS', Value: ['IN PROGRESS'] },
  '00741204': { vr: 'LO', Value: ['Colour fundus photography, both eyes'] },
  '00404025': {
    vr: 'SQ',
    Value: [{ '00080100': { vr: 'SH', Value: ['FUNDUS1'] }, '00080104': { vr: 'LO', Value: ['FUNDUS-1'] } }],
  },
  '00404026': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['op'] } }] },
  '0040A370': {
    vr: 'SQ',
    Value: [
      {
        '00080050': { vr: 'SH', Value: ['A20261123-001'] },
        '0020000D': { vr: 'UI', Value: ['2.25.99'] },
        '00401001': { vr: 'SH', Value: ['RP1'] },
      },
    ],
  },
};

describe('toScheduledProcedure', () => {
  it('reads patient, schedule, station and the request of a UPS workitem', () => {
    expect(toScheduledProcedure(workitem)).toEqual({
      workitemUid: '2.25.1',
      patient: {
        name: {
          alphabetic: { family: 'Yamada', given: 'Tarō', middle: '', prefix: '', suffix: '' },
          ideographic: { family: '山田', given: '太郎', middle: '', prefix: '', suffix: '' },
        },
        id: 'FOV1009',
        birthDate: '19801119',
        sex: 'M',
      },
      scheduledStart: '20261123080000',
      procedure: 'Colour fundus photography, both eyes',
      modality: 'OP',
      station: 'FUNDUS-1',
      stationAet: 'FUNDUS1',
      accessionNumber: 'A20261123-001',
      studyInstanceUid: '2.25.99',
      requestedProcedureId: 'RP1',
      state: 'IN PROGRESS',
    });
  });

  it('names the station by its AE title when it has no name, and assumes SCHEDULED', () => {
    const bare = toScheduledProcedure({
      '00080018': { vr: 'UI', Value: ['2.25.2'] },
      '00404025': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['CT1'] } }] },
    });
    expect(bare.station).toBe('CT1');
    expect(bare.state).toBe('SCHEDULED');
    expect(bare.accessionNumber).toBeUndefined();
  });

  it('refuses a workitem without its UID', () => {
    expect(() => toScheduledProcedure({})).toThrow(/SOPInstanceUID/);
  });
});
