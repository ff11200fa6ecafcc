import { describe, expect, it } from 'vitest';
import {
  PacsError,
  describeErrorBody,
  isAbortError,
  kindOfStatus,
  pacsErrorFromResponse,
  toPacsError,
} from './errors';

describe('kindOfStatus', () => {
  it('counts no answer and the gateway statuses as unreachable', () => {
    for (const status of [0, 502, 503, 504]) expect(kindOfStatus(status)).toBe('unreachable');
  });

  it('tells the other failures apart', () => {
    expect(kindOfStatus(401)).toBe('not-allowed');
    expect(kindOfStatus(403)).toBe('not-allowed');
    expect(kindOfStatus(404)).toBe('not-found');
    expect(kindOfStatus(400)).toBe('rejected');
    expect(kindOfStatus(500)).toBe('pacs-error');
    expect(kindOfStatus(501)).toBe('pacs-error');
  });
});

describe('PacsError', () => {
  it('carries a user message and the technical detail', () => {
    const error = pacsErrorFromResponse('GET /dicom-web/studies', 503, {
      error: { message: 'PACS unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:8042' },
    });
    expect(error.isUnreachable).toBe(true);
    expect(error.userMessage).toBe('PACS unreachable');
    expect(error.status).toBe(503);
    expect(error.detail).toBe(
      'GET /dicom-web/studies: HTTP 503 — PACS unreachable: connect ECONNREFUSED 127.0.0.1:8042',
    );
  });

  it('says when no answer came at all', () => {
    const error = pacsErrorFromResponse('GET /dicom-web/studies', 0);
    expect(error.kind).toBe('unreachable');
    expect(error.status).toBeUndefined();
    expect(error.detail).toContain('no answer');
  });

  it('is not unreachable for a bad query', () => {
    const error = pacsErrorFromResponse('GET /dicom-web/studies', 400, 'Unknown tag');
    expect(error.isUnreachable).toBe(false);
    expect(error.userMessage).toBe('The PACS did not accept the request');
    expect(error.detail).toContain('Unknown tag');
  });
});

describe('describeErrorBody', () => {
  it('reads the gateway body, other JSON and text', () => {
    expect(describeErrorBody({ error: { message: 'PACS unreachable' } })).toBe('PACS unreachable');
    expect(describeErrorBody({ Message: 'Bad' })).toBe('{"Message":"Bad"}');
    expect(describeErrorBody('  oops ')).toBe('oops');
    expect(describeErrorBody(null)).toBeUndefined();
  });
});

describe('toPacsError', () => {
  it('maps a failed request of dicomweb-client by its status', () => {
    const failure = Object.assign(new Error('request failed'), { status: 502, response: null });
    expect(toPacsError(failure, 'GET x').kind).toBe('unreachable');
  });

  it('keeps a PacsError and wraps anything else', () => {
    const original = new PacsError('not-found', 'x', 404);
    expect(toPacsError(original)).toBe(original);
    expect(toPacsError(new TypeError('boom'), 'GET y')).toMatchObject({
      kind: 'invalid-response',
      detail: 'GET y: TypeError: boom',
    });
  });
});

describe('isAbortError', () => {
  it('recognises a cancelled request', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('x'))).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
  });
});
