import { afterEach, describe, expect, it, vi } from 'vitest';
import { DicomWebClient } from './client';
import { PacsError } from './errors';

const client = () =>
  new DicomWebClient({
    qidoRoot: '/dicom-web',
    wadoRoot: '/dicom-web',
    upsRoot: '/dicom-web',
    baseUrl: 'http://fovea.test/',
  });

const workitem = (uid: string, start: string, name = 'Doe^Jane') => ({
  '00080018': { vr: 'UI', Value: [uid] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: name }] },
  '00100020': { vr: 'LO', Value: [`ID-${uid}`] },
  '00404005': { vr: 'DT', Value: [start] },
  '00741000': { vr: 'CS', Value: ['SCHEDULED'] },
  '0040A370': { vr: 'SQ', Value: [{ '00080050': { vr: 'SH', Value: [`ACC-${uid}`] } }] },
});

/** A fetch answering with `pieces` as the body's chunks, handed out one per read, as a network does. */
function answerWith(pieces: Uint8Array[], init: ResponseInit = { status: 200 }) {
  const fetch = vi.fn(async (_url: string, options: RequestInit) => {
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (options.signal?.aborted) controller.error(options.signal.reason);
        else if (next < pieces.length) controller.enqueue(pieces[next++]!);
        else controller.close();
      },
    });
    return new Response(body, init);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** `bytes` cut into pieces of `size` bytes. */
const cut = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DicomWebClient.searchWorkitems', () => {
  it('reads an answer arriving in pieces into procedures, in scheduled order, leaving out broken entries', async () => {
    const answer = [
      workitem('2.25.2', '20270104090000', 'Müller^Jürgen'),
      workitem('2.25.1', '20270104070000', '山田^太郎'),
      { '00100010': { vr: 'PN', Value: [{ Alphabetic: 'No^Uid' }] } },
      workitem('2.25.3', '20270104080000', 'O"Brien\\Pat'),
    ];
    const fetch = answerWith(cut(bytesOf(answer), 7));
    const procedures = await client().searchWorkitems('20270104');

    const url = new URL(fetch.mock.calls[0]![0]);
    expect(url.pathname).toBe('/dicom-web/workitems');
    expect(url.searchParams.get('ScheduledProcedureStepStartDateTime')).toBe('20270104');
    expect(url.searchParams.getAll('includefield')).toContain('00100010');
    expect(procedures.map((p) => p.workitemUid)).toEqual(['2.25.1', '2.25.3', '2.25.2']);
    expect(procedures.map((p) => p.patient.name.alphabetic?.family)).toEqual([
      '山田',
      'O"Brien\\Pat',
      'Müller',
    ]);
    expect(procedures[0]!.accessionNumber).toBe('ACC-2.25.1');
  });

  it('reads 5,000 workitems without losing one', async () => {
    const answer = Array.from({ length: 5000 }, (_, i) =>
      workitem(`2.25.${i}`, `202701040${String(7 + Math.floor(i / 500)).padStart(2, '0')}000`.slice(0, 14)),
    );
    answerWith(cut(bytesOf(answer), 65_536));
    const procedures = await client().searchWorkitems('20270104');
    expect(procedures).toHaveLength(5000);
    expect(new Set(procedures.map((p) => p.workitemUid)).size).toBe(5000);
  });

  it('is an empty list when nothing is scheduled (204)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(client().searchWorkitems('20270104')).resolves.toEqual([]);
  });

  it('says what the gateway said when it fails', async () => {
    answerWith([bytesOf({ error: { message: 'The worklist did not answer', detail: 'C-FIND timed out' } })], {
      status: 504,
    });
    const failure = await client()
      .searchWorkitems('20270104')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PacsError);
    expect((failure as PacsError).kind).toBe('unreachable');
    expect((failure as PacsError).detail).toMatch(/HTTP 504 — The worklist did not answer: C-FIND timed out/);
  });

  it('refuses an answer that is not a JSON array, or is cut off, with the reason', async () => {
    answerWith([bytesOf({ not: 'an array' })]);
    const notArray = await client()
      .searchWorkitems('20270104')
      .catch((error: unknown) => error);
    expect(notArray).toBeInstanceOf(PacsError);
    expect((notArray as PacsError).kind).toBe('invalid-response');
    expect((notArray as PacsError).detail).toMatch(
      /workitems: the answer is not a JSON array: expected a JSON array/,
    );

    const whole = bytesOf([workitem('2.25.1', '20270104070000'), workitem('2.25.2', '20270104080000')]);
    answerWith(cut(whole.subarray(0, whole.length - 30), 50));
    const cutOff = await client()
      .searchWorkitems('20270104')
      .catch((error: unknown) => error);
    expect((cutOff as PacsError).kind).toBe('invalid-response');
    expect((cutOff as PacsError).detail).toMatch(/ends inside the array/);
  });

  it('rejects with an AbortError when the page cancels it', async () => {
    answerWith(cut(bytesOf([workitem('2.25.1', '20270104070000')]), 5));
    const controller = new AbortController();
    const pending = client().searchWorkitems('20270104', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
