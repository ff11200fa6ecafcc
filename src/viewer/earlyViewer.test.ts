import { describe, expect, it } from 'vitest';
import { viewerRequestAt } from './earlyViewer';

const at = (pathname: string, search = '') => viewerRequestAt({ pathname, search });

describe('viewerRequestAt', () => {
  it('reads the study from the path, as the viewer route does', () => {
    expect(at('/viewer/1.2.3')).toEqual({ ok: true, request: { studyInstanceUids: ['1.2.3'] } });
    expect(at('/viewer/1.2.3/')).toEqual({ ok: true, request: { studyInstanceUids: ['1.2.3'] } });
  });

  it('reads studies and the series from the query (OHIF-style links)', () => {
    expect(at('/viewer', '?StudyInstanceUIDs=1.2.3,1.2.4&SeriesInstanceUID=1.2.5')).toEqual({
      ok: true,
      request: { studyInstanceUids: ['1.2.3', '1.2.4'], seriesInstanceUid: '1.2.5' },
    });
  });

  it('decodes an escaped path segment', () => {
    expect(at('/viewer/1%2E2%2E3')).toEqual({ ok: true, request: { studyInstanceUids: ['1.2.3'] } });
  });

  it('reports an address without a valid study as the viewer page does', () => {
    expect(at('/viewer')).toMatchObject({ ok: false });
    expect(at('/viewer/not-a-uid')).toMatchObject({ ok: false });
    expect(at('/viewer/%E0%A4%A')).toMatchObject({ ok: false });
  });

  it('is undefined away from the viewer', () => {
    expect(at('/')).toBeUndefined();
    expect(at('/studies')).toBeUndefined();
    expect(at('/viewer/1.2.3/extra')).toBeUndefined();
    expect(at('/viewers/1.2.3')).toBeUndefined();
  });
});
