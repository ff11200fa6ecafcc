import { describe, expect, it } from 'vitest';
import { STUDY_FIELDS, patientNamePattern, repeatedParameter, studyQueryParams } from './studyQuery';

/** The query string dicomweb-client makes of parameters: key=encodeURIComponent(value), joined by "&". */
const asQueryString = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');

describe('patientNamePattern', () => {
  it('makes free text a pattern an archive comparing bytes can answer', () => {
    expect(patientNamePattern('doe')).toBe('*d*');
    expect(patientNamePattern(' Müller, Jürgen ')).toBe('*m*ll*r*');
    expect(patientNamePattern('Παπαδ')).toBeUndefined();
  });

  it('leaves a pattern the user wrote alone', () => {
    expect(patientNamePattern('Doe*')).toBe('Doe*');
    expect(patientNamePattern('D?e')).toBe('D?e');
  });

  it('is nothing for blank input', () => {
    expect(patientNamePattern('   ')).toBeUndefined();
  });
});

describe('studyQueryParams', () => {
  it('sends only what is filled in, with the list columns', () => {
    expect(
      studyQueryParams({
        patientName: 'doe',
        patientId: ' FOV-1 ',
        accessionNumber: '',
        studyDate: '20240301-20240307',
        modality: 'ct',
        description: 'knee mri',
        limit: 100,
        offset: 200,
      }),
    ).toMatchObject({
      StudyDescription: '*knee*mri*',
      offset: '200',
      PatientName: '*d*',
      PatientID: 'FOV-1',
      StudyDate: '20240301-20240307',
      ModalitiesInStudy: 'CT',
      limit: '100',
    });
  });

  it('asks for each column by tag in a parameter of its own', () => {
    const query = new URLSearchParams(asQueryString(studyQueryParams({ patientName: 'doe' })));
    expect(query.getAll('includefield')).toEqual(STUDY_FIELDS);
    expect(query.getAll('includefield')).toContain('00081030');
    expect(query.get('PatientName')).toBe('*d*');
  });
});

describe('repeatedParameter', () => {
  it('repeats the parameter once per value', () => {
    expect(asQueryString(repeatedParameter('includefield', ['00080060', '0008103E']))).toBe(
      'includefield=00080060&includefield=0008103E',
    );
    expect(asQueryString(repeatedParameter('includefield', ['00080060']))).toBe('includefield=00080060');
    expect(repeatedParameter('includefield', [])).toEqual({});
  });
});
