import { describe, expect, it } from 'vitest';
import { mwlItemFromNaturalized, naturalizedQuery } from './dimseSource';
import { mwlReturnKeys, workitemFromMwl } from './fromMwl';

describe('DICOM worklist answers in the shape of Orthanc’s', () => {
  it('joins person-name groups, keeps sequences and leaves out what has no value', () => {
    const item = mwlItemFromNaturalized({
      _vrMap: {},
      PatientName: [{ Alphabetic: 'Yamada^Tarō', Ideographic: '山田^太郎', Phonetic: 'やまだ^たろう' }],
      ReferringPhysicianName: [{ Alphabetic: 'Grey^Meredith' }],
      PatientID: 'FOV1009',
      OtherPatientIDs: ['A', 'B'],
      PatientWeight: undefined,
      ScheduledProcedureStepSequence: [{ Modality: 'OP', ScheduledProcedureStepStartDate: '20261123' }],
    });
    expect(item).toEqual({
      PatientName: 'Yamada^Tarō=山田^太郎=やまだ^たろう',
      ReferringPhysicianName: 'Grey^Meredith',
      PatientID: 'FOV1009',
      OtherPatientIDs: 'A\\B',
      ScheduledProcedureStepSequence: [{ Modality: 'OP', ScheduledProcedureStepStartDate: '20261123' }],
    });
    // …which the UPS mapping reads exactly as it reads Orthanc's REST answers.
    expect(workitemFromMwl(item)['00100010']!.Value![0]).toEqual({
      Alphabetic: 'Yamada^Tarō',
      Ideographic: '山田^太郎',
      Phonetic: 'やまだ^たろう',
    });
  });

  it('asks in UTF-8 for exactly the return keys of the query', () => {
    const query = naturalizedQuery(mwlReturnKeys());
    expect(query.SpecificCharacterSet).toBe('ISO_IR 192');
    expect(Object.keys(query)).toEqual(Object.keys(mwlReturnKeys()));
    expect(query.ScheduledProcedureStepSequence).toHaveLength(1);
  });
});
