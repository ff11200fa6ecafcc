import { describe, expect, it } from 'vitest';
import { isUid, parseViewerRequest } from './viewerRequest';

describe('parseViewerRequest', () => {
  it('reads the OHIF-style query', () => {
    expect(
      parseViewerRequest(
        undefined,
        new URLSearchParams('StudyInstanceUIDs=1.2.3,1.2.4&SeriesInstanceUID=1.2.3.9'),
      ),
    ).toEqual({
      ok: true,
      request: { studyInstanceUids: ['1.2.3', '1.2.4'], seriesInstanceUid: '1.2.3.9' },
    });
  });

  it('reads the path form, repeated parameters, and drops duplicates', () => {
    expect(
      parseViewerRequest('1.2.3', new URLSearchParams('StudyInstanceUIDs=1.2.4&StudyInstanceUIDs=1.2.3')),
    ).toEqual({
      ok: true,
      request: { studyInstanceUids: ['1.2.3', '1.2.4'] },
    });
  });

  it('says what is wrong', () => {
    expect(parseViewerRequest(undefined, new URLSearchParams(''))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No study/),
    });
    expect(parseViewerRequest(undefined, new URLSearchParams('StudyInstanceUIDs=abc'))).toMatchObject({
      ok: false,
      message: '“abc” is not a valid Study Instance UID.',
    });
    expect(parseViewerRequest('1.2', new URLSearchParams('SeriesInstanceUID=1..2'))).toMatchObject({
      ok: false,
    });
  });
});

describe('isUid', () => {
  it('follows PS3.5 9.1', () => {
    expect(isUid('1.2.840.10008.5.1.4.1.1.2')).toBe(true);
    expect(isUid('1.02.3')).toBe(false);
    expect(isUid('1')).toBe(false);
    expect(isUid(`1.${'2'.repeat(63)}`)).toBe(false);
  });
});
