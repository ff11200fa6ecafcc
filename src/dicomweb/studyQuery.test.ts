import { describe, expect, it } from 'vitest';
import { STUDY_FIELDS, patientNamePattern, repeatedParameter, studyQueryParams } from './studyQuery';

/** The query string dicomweb-client makes of parameters: key=encodeURIComponent(value), joined by "&". */
const asQueryString = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');

describe('patientNamePattern', () => {
  it('matches the words anywhere, in order', () => {
    expect(patientNamePattern('doe')).toBe('*doe*');
    expect(patientNamePattern(' DOE, Jane ')).toBe('*DOE*Jane*');
    expect(patientNamePattern('doe^jane')).toBe('*doe*jane*');
  });

  it('leaves a pattern the user wrote alone', () => {
    expect(patientNamePattern('Doe*')).toBe('Doe*');
    expect(patientNamePattern('D?e')).toBe('D?e');
  });

  it('is empty for blank input', () => {
    expect(patientNamePattern('   ')).toBe('');
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
        limit: 100,
      }),
    ).toMatchObject({
      PatientName: '*doe*',
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
    expect(query.get('PatientName')).toBe('*doe*');
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
