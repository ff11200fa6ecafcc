import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DicomWebClient } from './client';
import { PacsError } from './errors';

interface Answer {
  status: number;
  body?: unknown;
}

/** Just enough of XMLHttpRequest for dicomweb-client, answering from a table of URLs. */
class FakeXhr {
  static answers = new Map<string, Answer>();
  static requests: string[] = [];
  static hold = false;
  static pending: FakeXhr[] = [];

  readyState = 0;
  status = 0;
  response: unknown = null;
  responseType = '';
  timeout = 0;
  onreadystatechange: (() => void) | null = null;
  private url = '';
  private listeners = new Map<string, () => void>();

  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? 'application/dicom+json' : null;
  }
  getAllResponseHeaders() {
    return 'content-type: application/dicom+json';
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener);
  }
  send() {
    FakeXhr.requests.push(this.url);
    if (FakeXhr.hold) {
      FakeXhr.pending.push(this);
      return;
    }
    queueMicrotask(() => {
      const answer = FakeXhr.answers.get(this.url) ?? { status: 0 };
      this.finish(answer.status, answer.body ?? null);
    });
  }
  abort() {
    this.finish(0, null);
  }
  private finish(status: number, body: unknown) {
    this.readyState = 4;
    this.status = status;
    this.response = body;
    this.onreadystatechange?.();
  }
}

const ROOT = 'http://fovea.test/dicom-web';
const client = () =>
  new DicomWebClient({
    qidoRoot: '/dicom-web/',
    wadoRoot: '/dicom-web',
    baseUrl: 'http://fovea.test/studies',
  });

beforeEach(() => {
  FakeXhr.answers.clear();
  FakeXhr.requests = [];
  FakeXhr.hold = false;
  FakeXhr.pending = [];
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeXhr;
});

afterEach(() => {
  delete (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
});

describe('DicomWebClient', () => {
  it('resolves its roots against the page', () => {
    expect(client().qidoRoot).toBe(ROOT);
    expect(client().frameUrl('1', '2', '3', 4)).toBe(`${ROOT}/studies/1/series/2/instances/3/frames/4`);
  });

  it('searches studies and reads them into records, leaving out broken entries', async () => {
    FakeXhr.hold = true;
    const pending = client().searchStudies({ patientName: 'doe' });
    const url = new URL(FakeXhr.requests[0]!);
    expect(url.pathname).toBe('/dicom-web/studies');
    expect(url.searchParams.get('PatientName')).toBe('*d*');
    expect(url.searchParams.getAll('includefield')).toContain('00081030');
    const xhr = FakeXhr.pending[0]!;
    xhr.readyState = 4;
    xhr.status = 200;
    xhr.response = [
      {
        '0020000D': { vr: 'UI', Value: ['1.2.3'] },
        '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
      },
      { '00100010': { vr: 'PN', Value: [{ Alphabetic: 'No^Uid' }] } },
    ];
    xhr.onreadystatechange?.();
    const studies = await pending;
    expect(studies.map((s) => s.studyInstanceUid)).toEqual(['1.2.3']);
  });

  it('narrows a free-text name search itself, and says how many datasets the archive sent', async () => {
    FakeXhr.hold = true;
    const pending = client().searchStudyPage({ patientName: 'müller', limit: 3 });
    expect(new URL(FakeXhr.requests[0]!).searchParams.get('PatientName')).toBe('*m*ll*r*');
    const xhr = FakeXhr.pending[0]!;
    xhr.readyState = 4;
    xhr.status = 200;
    const study = (uid: string, name: string) => ({
      '0020000D': { vr: 'UI', Value: [uid] },
      '00100010': { vr: 'PN', Value: [{ Alphabetic: name }] },
    });
    xhr.response = [study('1', 'Müller^Jürgen'), study('2', 'Muller^Jurgen'), study('3', 'Miller^Mara')];
    xhr.onreadystatechange?.();
    const page = await pending;
    expect(page.studies.map((s) => s.studyInstanceUid)).toEqual(['1', '2']);
    expect(page.received).toBe(3);
  });

  it('lists series in series-number order', async () => {
    const fields = ['00080060', '0008103E', '00200011', '00080021', '00080031', '00201209', '00080016'];
    FakeXhr.answers.set(`${ROOT}/studies/1.2.3/series?${fields.map((f) => `includefield=${f}`).join('&')}`, {
      status: 200,
      body: [
        { '0020000E': { vr: 'UI', Value: ['b'] }, '00200011': { vr: 'IS', Value: [2] } },
        { '0020000E': { vr: 'UI', Value: ['c'] } },
        { '0020000E': { vr: 'UI', Value: ['a'] }, '00200011': { vr: 'IS', Value: ['1'] } },
      ],
    });
    const series = await client().searchSeries('1.2.3');
    expect(series.map((s) => s.seriesInstanceUid)).toEqual(['a', 'b', 'c']);
    expect(series[0]!.studyInstanceUid).toBe('1.2.3');
  });

  it('reports the gateway saying the PACS is down as unreachable, with its words', async () => {
    FakeXhr.answers.set(`${ROOT}/studies/1/series/2/metadata`, {
      status: 503,
      body: { error: { message: 'PACS unreachable', detail: 'ECONNREFUSED' } },
    });
    const failure = await client()
      .retrieveSeriesMetadata('1', '2')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PacsError);
    expect(failure).toMatchObject({ kind: 'unreachable', status: 503 });
    expect((failure as PacsError).detail).toBe(
      'GET /dicom-web/studies/1/series/2/metadata: HTTP 503 — PACS unreachable: ECONNREFUSED',
    );
  });

  it('reports a network failure as unreachable', async () => {
    const failure = await client()
      .searchSeries('9')
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'unreachable' });
  });

  it('reports an answer that is not DICOM JSON', async () => {
    FakeXhr.answers.set(`${ROOT}/studies/1/series/2/metadata`, { status: 200, body: null });
    const failure = await client()
      .retrieveSeriesMetadata('1', '2')
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'invalid-response' });
  });

  it('rejects with an AbortError when cancelled', async () => {
    FakeXhr.hold = true;
    const controller = new AbortController();
    const pending = client().searchStudies({}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client().searchStudies({}, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('retrieveSeriesThumbnail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for one JPEG of the series at the size given', async () => {
    const fetch = vi.fn(async () => new Response(new Blob(['jpeg'], { type: 'image/jpeg' })));
    vi.stubGlobal('fetch', fetch);
    const blob = await client().retrieveSeriesThumbnail('1', '2', 96);
    expect(blob.type).toBe('image/jpeg');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${ROOT}/studies/1/series/2/rendered?viewport=96,96`);
    expect(init.headers).toEqual({ Accept: 'image/jpeg' });
  });

  it('fails with a PacsError when the archive cannot draw the series', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 400 }));
    await expect(client().retrieveSeriesThumbnail('1', '2', 96)).rejects.toMatchObject({
      name: 'PacsError',
      status: 400,
    });
  });
});

describe('retrieveSeriesFiles', () => {
  afterEach(() => vi.unstubAllGlobals());

  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const MULTIPART = 'multipart/related; type="application/dicom"; boundary=XyZ';
  /** A body that streams `pieces`, then fails with `error` if one is given. */
  const streamOf = (pieces: string[], error?: Error) => {
    const rest = [...pieces];
    return new ReadableStream<Uint8Array>({
      // One piece per read, as a network delivers them: an error comes after the pieces before it.
      pull(controller) {
        const piece = rest.shift();
        if (piece !== undefined) controller.enqueue(ascii(piece));
        else if (error) controller.error(error);
        else controller.close();
      },
    });
  };
  const collect = async (files: AsyncIterable<Uint8Array>) => {
    const texts: string[] = [];
    for await (const file of files) texts.push(new TextDecoder('latin1').decode(file));
    return texts;
  };

  it('asks for the series as stored and hands over each file of the multipart answer', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          streamOf([
            '--XyZ\r\nContent-Type: application/dicom\r\nContent-Length: 5\r\n\r\nfile1\r\n--X',
            'yZ\r\nContent-Type: application/dicom\r\n\r\nfile two\r\n--XyZ--',
          ]),
          { headers: { 'content-type': MULTIPART } },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    expect(await collect(client().retrieveSeriesFiles('1', '2'))).toEqual(['file1', 'file two']);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${ROOT}/studies/1/series/2`);
    expect(init.headers).toEqual({
      accept: 'multipart/related; type="application/dicom"; transfer-syntax=*',
    });
  });

  it('maps an archive that says no, or is down, as every other request does', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(collect(client().retrieveSeriesFiles('1', '2'))).rejects.toMatchObject({
      name: 'PacsError',
      kind: 'not-found',
    });
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(collect(client().retrieveSeriesFiles('1', '2'))).rejects.toMatchObject({
      name: 'PacsError',
      kind: 'unreachable',
    });
  });

  it('fails with a PacsError on an answer that is not multipart, or cut off', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('[]', { headers: { 'content-type': 'application/json' } }),
    );
    await expect(collect(client().retrieveSeriesFiles('1', '2'))).rejects.toMatchObject({
      kind: 'invalid-response',
    });
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(streamOf(['--XyZ\r\nContent-Length: 9\r\n\r\nfil']), {
          headers: { 'content-type': MULTIPART },
        }),
    );
    await expect(collect(client().retrieveSeriesFiles('1', '2'))).rejects.toMatchObject({
      kind: 'invalid-response',
      detail: expect.stringContaining('ended in the middle of part 1') as unknown,
    });
  });

  it('hands over the files that came before a connection was lost, then fails as unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          streamOf(['--XyZ\r\nContent-Length: 2\r\n\r\nok\r\n--XyZ\r\n\r\npart'], new TypeError('reset')),
          {
            headers: { 'content-type': MULTIPART },
          },
        ),
    );
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const file of client().retrieveSeriesFiles('1', '2'))
          got.push(String.fromCharCode(...file));
      })(),
    ).rejects.toMatchObject({ kind: 'unreachable' });
    expect(got).toEqual(['ok']);
  });

  it('rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      controller.abort();
      throw init.signal?.reason ?? new DOMException('aborted', 'AbortError');
    });
    await expect(
      collect(client().retrieveSeriesFiles('1', '2', { signal: controller.signal })),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
