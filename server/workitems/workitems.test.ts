import { describe, expect, it } from 'vitest';
import { workitemFromMwl, workitemUid, stateOf, type MwlItem } from './fromMwl';
import { dateRangeOf, fold, inRange, matches, parseConditions, QueryError } from './match';

const order: MwlItem = {
  AccessionNumber: 'A2026-0042',
  PatientName: 'Müller^Jürgen',
  PatientID: 'FOV1001',
  PatientBirthDate: '19580312',
  PatientSex: 'M',
  StudyInstanceUID: '1.2.3.4.5',
  RequestedProcedureDescription: 'Visual field 24-2',
  RequestedProcedureID: 'RP42',
  ReferringPhysicianName: 'House^Gregory',
  ScheduledProcedureStepSequence: [
    {
      Modality: 'OPV',
      ScheduledStationAETitle: 'HFA3',
      ScheduledStationName: 'HFA-3',
      ScheduledProcedureStepStartDate: '20261123',
      ScheduledProcedureStepStartTime: '093000',
      ScheduledProcedureStepDescription: 'SITA Standard 24-2',
      ScheduledProcedureStepID: 'SPS42',
      ScheduledProcedureStepStatus: 'SCHEDULED',
    },
  ],
};
const kanji: MwlItem = {
  ...order,
  PatientName: 'Yamada^Taro=山田^太郎=やまだ^たろう',
  PatientID: 'FOV1006',
  AccessionNumber: 'A2026-0043',
};

describe('workitemFromMwl', () => {
  const workitem = workitemFromMwl(order);

  it('writes the UPS attributes with their tags and VRs', () => {
    expect(workitem['00080016']).toEqual({ vr: 'UI', Value: ['1.2.840.10008.5.1.4.34.6.1'] });
    expect(workitem['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: 'Müller^Jürgen' }] });
    expect(workitem['00100020']).toEqual({ vr: 'LO', Value: ['FOV1001'] });
    expect(workitem['00404005']).toEqual({ vr: 'DT', Value: ['20261123093000'] });
    expect(workitem['00741000']).toEqual({ vr: 'CS', Value: ['SCHEDULED'] });
    expect(workitem['00741204']).toEqual({ vr: 'LO', Value: ['SITA Standard 24-2'] });
    const station = workitem['00404025']!.Value![0] as Record<string, { Value: string[] }>;
    expect(station['00080100']!.Value[0]).toBe('HFA3');
    expect(station['00080104']!.Value[0]).toBe('HFA-3');
    const request = workitem['0040A370']!.Value![0] as Record<string, { vr: string; Value: string[] }>;
    expect(request['00080050']).toEqual({ vr: 'SH', Value: ['A2026-0042'] });
    expect(request['0020000D']).toEqual({ vr: 'UI', Value: ['1.2.3.4.5'] });
  });

  it('leaves absent attributes empty rather than inventing them', () => {
    expect(workitem['00100021']).toEqual({ vr: 'LO' });
  });

  it('splits person-name groups', () => {
    expect(workitemFromMwl(kanji)['00100010']!.Value![0]).toEqual({
      Alphabetic: 'Yamada^Taro',
      Ideographic: '山田^太郎',
      Phonetic: 'やまだ^たろう',
    });
  });

  it('drops ISO 2022 designations that the worklist left in converted text', () => {
    const korean = { ...order, PatientName: 'Kim^Minjun=\x1b$)C김^\x1b$)C민준' };
    expect(workitemFromMwl(korean)['00100010']!.Value![0]).toEqual({
      Alphabetic: 'Kim^Minjun',
      Ideographic: '김^민준',
    });
  });

  it('gives the same order the same UID every time, and another order another one', () => {
    expect(workitemUid(order)).toBe(workitemUid({ ...order }));
    expect(workitemUid(order)).not.toBe(workitemUid(kanji));
    expect(workitemUid(order)).toMatch(/^2\.25\.\d{1,39}$/);
  });

  it('maps MWL step status to UPS state', () => {
    expect(stateOf('STARTED')).toBe('IN PROGRESS');
    expect(stateOf('COMPLETED')).toBe('COMPLETED');
    expect(stateOf('DISCONTINUED')).toBe('CANCELED');
    expect(stateOf(undefined)).toBe('SCHEDULED');
  });
});

describe('UPS query matching', () => {
  const items = [workitemFromMwl(order), workitemFromMwl(kanji)];
  const search = (params: Record<string, string>) => items.filter((w) => matches(w, parseConditions(params)));

  it('matches names with wildcards, ignoring case and accents, in any group', () => {
    expect(search({ PatientName: 'muller*' })).toHaveLength(1);
    expect(search({ PatientName: 'MÜL*' })).toHaveLength(1);
    expect(search({ PatientName: '山田*' })).toHaveLength(1);
    expect(search({ PatientName: '*' })).toHaveLength(2);
    expect(search({ PatientName: 'Smith*' })).toHaveLength(0);
  });

  it('matches by tag as well as keyword, and inside sequences', () => {
    expect(search({ '00100020': 'FOV1006' })).toHaveLength(1);
    expect(search({ 'ReferencedRequestSequence.AccessionNumber': 'A2026-0042' })).toHaveLength(1);
    expect(search({ 'ScheduledStationNameCodeSequence.CodeValue': 'HFA3' })).toHaveLength(2);
  });

  it('matches date-time ranges', () => {
    expect(search({ ScheduledProcedureStepStartDateTime: '20261123-20261123' })).toHaveLength(2);
    expect(search({ ScheduledProcedureStepStartDateTime: '20261124-' })).toHaveLength(0);
    expect(search({ ScheduledProcedureStepStartDateTime: '20261123090000-20261123100000' })).toHaveLength(2);
    expect(search({ ScheduledProcedureStepStartDateTime: '20261123100000-20261123110000' })).toHaveLength(0);
  });

  it('refuses unknown keys instead of ignoring them', () => {
    expect(() => parseConditions({ PatientNmae: 'x' })).toThrow(QueryError);
  });

  it('derives the worklist date range from the start date-time condition', () => {
    expect(dateRangeOf(parseConditions({ ScheduledProcedureStepStartDateTime: '20261123' }))).toBe(
      '20261123',
    );
    expect(
      dateRangeOf(parseConditions({ ScheduledProcedureStepStartDateTime: '20261123080000-20261130' })),
    ).toBe('20261123-20261130');
    expect(dateRangeOf(parseConditions({ PatientID: 'x' }))).toBeUndefined();
  });

  it('folds text and compares ranges', () => {
    expect(fold('Ñúñez Ö')).toBe('nunez o');
    expect(inRange('20261123', '20261101-20261130')).toBe(true);
    expect(inRange('20261201', '-20261130')).toBe(false);
  });
});
