import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freePort } from '../scripts/lib/ports';
import { buildGateway } from './app';
import { readGatewayConfig } from './config';

/**
 * A stand-in for Orthanc's REST API with just the routes the change feed reads, so that the gateway's
 * streaming, batching and failure answers can be checked without starting Orthanc (the e2e tests run
 * the same route against the real one).
 */
class ChangesServer {
  changes: Array<{ Seq: number; ChangeType: string; ID: string; ResourceType: string }> = [];
  sinceAsked: number[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url!, 'http://x');
      const json = (body: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (url.pathname === '/changes') {
        const last = this.changes.at(-1)?.Seq ?? 0;
        if (url.searchParams.has('last')) return json({ Changes: [], Done: true, Last: last });
        const since = Number(url.searchParams.get('since'));
        this.sinceAsked.push(since);
        return json({ Changes: this.changes.filter((c) => c.Seq > since), Done: true, Last: last });
      }
      if (url.pathname === '/instances/i1') return json({ ParentSeries: 'se1' });
      if (url.pathname === '/series/se1') return json({ ParentStudy: 'st1' });
      if (url.pathname === '/studies/st1') {
        return json({
          ID: 'st1',
          MainDicomTags: { StudyInstanceUID: '1.2.840.99.1', AccessionNumber: 'A-001' },
          PatientMainDicomTags: { PatientID: 'FOV1001' },
        });
      }
      if (url.pathname === '/studies/st1/series') {
        return json([{ MainDicomTags: { Modality: 'OP' }, Instances: ['i1', 'i2'] }]);
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

/** Reads a text/event-stream until `until` says enough, or fails after a few seconds. */
async function readEvents(url: string, until: (text: string) => boolean, headers: HeadersInit = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = setTimeout(() => controller.abort(), 5000);
  try {
    while (!until(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return { response, text };
}

describe('GET /api/events against an Orthanc-style change feed', () => {
  const orthanc = new ChangesServer();
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    const orthancUrl = await orthanc.start();
    const config = readGatewayConfig({
      FOVEA_PORT: String(await freePort()),
      FOVEA_PACS_URL: `${orthancUrl}/dicom-web`,
      FOVEA_LOG_LEVEL: 'silent',
    });
    app = await buildGateway(config, { serveApp: false });
    await app.listen({ host: '127.0.0.1', port: config.port });
    base = `http://127.0.0.1:${config.port}`;
  });
  afterAll(async () => {
    await app.close();
    await orthanc.stop();
  });

  it('streams one study event for the instances that arrive, with the row identifiers', async () => {
    const pending = readEvents(`${base}/api/events`, (text) => text.includes('event: study'));
    // Arrives after the client connected: the feed started from the newest change, so this is new.
    setTimeout(() => {
      orthanc.changes.push(
        { Seq: 1, ChangeType: 'NewInstance', ID: 'i1', ResourceType: 'Instance' },
        { Seq: 2, ChangeType: 'NewSeries', ID: 'se1', ResourceType: 'Series' },
      );
    }, 200);
    const { response, text } = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const frame = text.split('\n\n').find((f) => f.includes('event: study'))!;
    expect(frame).toContain('id: 2');
    const data = JSON.parse(
      frame
        .split('\n')
        .find((line) => line.startsWith('data: '))!
        .slice(6),
    );
    expect(data).toEqual({
      seq: 2,
      studyInstanceUid: '1.2.840.99.1',
      accessionNumber: 'A-001',
      patientId: 'FOV1001',
      modalities: ['OP'],
      numberOfInstances: 2,
      stable: false,
    });
  });

  it('replays missed events to a client that comes back with Last-Event-ID, and resumes the poll', async () => {
    const asked = orthanc.sinceAsked.length;
    setTimeout(() => {
      orthanc.changes.push({ Seq: 3, ChangeType: 'NewInstance', ID: 'i1', ResourceType: 'Instance' });
    }, 200);
    const { text } = await readEvents(`${base}/api/events`, (t) => t.split('event: study').length - 1 >= 2, {
      'last-event-id': '0',
    });
    const ids = text.match(/^id: \d+$/gm);
    // First what it missed (seq 2, from the buffer), then the new change (seq 3).
    expect(ids).toEqual(['id: 2', 'id: 3']);
    // The shared poller continued from the last change it had read instead of starting over.
    expect(orthanc.sinceAsked.slice(asked)).not.toContain(0);
    expect(orthanc.sinceAsked.slice(asked)).toContain(2);
  });
});

describe('GET /api/events where the PACS has no change feed', () => {
  it('answers 501 with a reason when the PACS is not Orthanc, so the app polls', async () => {
    const other = createServer((_request, response) => response.writeHead(404).end('Not Found'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    const app = await buildGateway(
      readGatewayConfig({ FOVEA_PACS_URL: `http://127.0.0.1:${port}/dicom-web`, FOVEA_LOG_LEVEL: 'silent' }),
      { serveApp: false },
    );
    try {
      const response = await app.inject({ method: 'GET', url: '/api/events' });
      expect(response.statusCode).toBe(501);
      expect(response.json().error.message).toBe('Live updates are not available from this PACS');
      expect(response.json().error.detail).toContain('polling');
    } finally {
      await app.close();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('answers 501 when the PACS URL is not laid out like Orthanc and no feed is configured', async () => {
    const app = await buildGateway(
      readGatewayConfig({ FOVEA_PACS_URL: 'http://127.0.0.1:9/wado', FOVEA_LOG_LEVEL: 'silent' }),
      { serveApp: false },
    );
    try {
      expect((await app.inject({ method: 'GET', url: '/api/events' })).statusCode).toBe(501);
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the PACS does not answer at all, so the app keeps reconnecting', async () => {
    const app = await buildGateway(
      readGatewayConfig({
        FOVEA_PACS_URL: `http://127.0.0.1:${await freePort()}/dicom-web`,
        FOVEA_LOG_LEVEL: 'silent',
      }),
      { serveApp: false },
    );
    try {
      const response = await app.inject({ method: 'GET', url: '/api/events' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.message).toBe('PACS unreachable');
    } finally {
      await app.close();
    }
  });
});
