import { describe, expect, it } from 'vitest';
import type { DicomJsonObject } from './dicomJson';
import { workitemFromMwl, type MwlItem } from './fromMwl';
import { parseIncludeFields, select, selectionKey } from './include';
import { parseConditions, QueryError } from './match';

const order: MwlItem = {
  AccessionNumber: 'A2026-0042',
  PatientName: 'Müller^Jürgen',
  PatientID: 'FOV1001',
  StudyInstanceUID: '1.2.3.4.5',
  RequestedProcedureID: 'RP42',
  ReferringPhysicianName: 'House^Gregory',
  ScheduledProcedureStepSequence: [
    {
      Modality: 'OPV',
      ScheduledStationAETitle: 'HFA3',
      ScheduledStationName: 'HFA-3',
      ScheduledProcedureStepStartDate: '20261123',
      ScheduledProcedureStepStartTime: '093000',
      ScheduledProcedureStepID: 'SPS42',
    },
  ],
};
const workitem = workitemFromMwl(order);

describe('parseIncludeFields', () => {
  it('returns everything without includefield or with "all"', () => {
    expect(parseIncludeFields(undefined)).toBe('all');
    expect(parseIncludeFields(['PatientID', 'all'])).toBe('all');
    expect(select(workitem, parseIncludeFields(undefined))).toBe(workitem);
  });

  it('reads keywords and tags, repeated or comma-separated, and nested paths', () => {
    const a = parseIncludeFields(['PatientName,00100020', 'ReferencedRequestSequence.AccessionNumber']);
    const b = parseIncludeFields('0040A370.00080050,PatientID,00100010');
    expect(selectionKey(a)).toBe(selectionKey(b));
    expect(selectionKey(a)).toContain('0040A370(00080050)');
  });

  it('refuses an unknown keyword and accepts a tag Fovea does not write', () => {
    expect(() => parseIncludeFields('PatientNmae')).toThrow(QueryError);
    expect(() => parseIncludeFields('ReferencedRequestSequence.Nope')).toThrow(/Nope/);
    expect(select(workitem, parseIncludeFields('00101010'))['00101010']).toBeUndefined();
  });

  it('a whole sequence wins over one of its attributes, in either order', () => {
    const wide = parseIncludeFields([
      'ReferencedRequestSequence.AccessionNumber',
      'ReferencedRequestSequence',
    ]);
    const other = parseIncludeFields([
      'ReferencedRequestSequence',
      'ReferencedRequestSequence.AccessionNumber',
    ]);
    expect(selectionKey(wide)).toBe(selectionKey(other));
    expect(select(workitem, wide)['0040A370']).toEqual(workitem['0040A370']);
  });
});

describe('select', () => {
  it('keeps the asked attributes, the matched ones and the workitem’s UID, class and state', () => {
    const conditions = parseConditions({ PatientID: 'FOV1001' });
    const selected = select(workitem, parseIncludeFields('PatientName', conditions));
    expect(Object.keys(selected).sort()).toEqual(
      ['00080005', '00080016', '00080018', '00100010', '00100020', '00741000'].sort(),
    );
    expect(selected['00100010']).toEqual(workitem['00100010']);
  });

  it('narrows sequence items to the asked attributes, keeping empty ones as they are', () => {
    const selected = select(
      workitem,
      parseIncludeFields([
        'ReferencedRequestSequence.AccessionNumber',
        'ReferencedRequestSequence.RequestedProcedureDescription',
        'ScheduledStationNameCodeSequence.CodeMeaning',
      ]),
    );
    expect(selected['0040A370']).toEqual({
      vr: 'SQ',
      Value: [{ '00080050': { vr: 'SH', Value: ['A2026-0042'] }, '00321060': { vr: 'LO' } }],
    });
    expect(selected['00404025']).toEqual({
      vr: 'SQ',
      Value: [{ '00080104': { vr: 'LO', Value: ['HFA-3'] } }],
    });
    // The workitem itself is left as it was.
    expect((workitem['0040A370']!.Value![0] as DicomJsonObject)['00401001']).toBeDefined();
  });

  it('keeps an empty sequence empty', () => {
    const selected = select(
      workitem,
      parseIncludeFields('ScheduledHumanPerformersSequence.HumanPerformerName'),
    );
    expect(selected['00404034']).toEqual({ vr: 'SQ' });
  });
});
