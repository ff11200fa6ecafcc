import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { precompress } from '../scripts/lib/build';
import { freePort } from '../scripts/lib/ports';
import { buildGateway } from './app';
import { readGatewayConfig } from './config';

// A gateway whose PACS port has nothing listening: what a clinic sees when the PACS is down.
describe('gateway with the PACS down', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const appDir = mkdtempSync(join(tmpdir(), 'fovea-app-'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Fovea</title>');
    writeFileSync(join(appDir, 'config.json'), '{"from":"build"}');
    mkdirSync(join(appDir, 'assets'));
    writeFileSync(join(appDir, 'assets', 'app.js'), 'console.info("fovea");'.repeat(100));
    precompress(appDir);
    const closedPort = await freePort();
    app = await buildGateway(
      readGatewayConfig({
        FOVEA_PACS_URL: `http://127.0.0.1:${closedPort}/dicom-web`,
        FOVEA_APP_DIR: appDir,
        FOVEA_LOG_LEVEL: 'silent',
      }),
    );
  });
  afterAll(() => app.close());

  it.each(['/dicom-web/studies?limit=5', '/dicom-web/studies/1/series/2'])(
    'answers DICOMweb requests with 503 and a JSON reason (%s)',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.json()).toMatchObject({ error: { message: 'PACS unreachable' } });
      expect(response.json().error.detail).toMatch(/ECONNREFUSED|SERVICE_UNAVAILABLE/);
    },
  );

  it('reports itself up and the PACS down on /healthz', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('degraded');
    expect(body.pacs.reachable).toBe(false);
    expect(body.pacs.error).toBe('ECONNREFUSED');
  });

  it('sends assets compressed when the browser accepts it, cached for a year', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves index.html for app routes and JSON 404 for unknown API paths', async () => {
    for (const url of ['/viewer?StudyInstanceUIDs=1.2.3', '/viewer/1.2.840.113619.2.55', '/studies']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('<title>Fovea</title>');
    }
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.message).toMatch(/Not found/);
  });
});

// A PACS that accepts connections but never answers, as an overloaded archive does.
describe('gateway with a PACS that does not answer', () => {
  let app: FastifyInstance;
  let silent: Server;

  beforeAll(async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    app = await buildGateway(
      readGatewayConfig({
        FOVEA_PACS_URL: `http://127.0.0.1:${port}/dicom-web`,
        FOVEA_PACS_TIMEOUT_MS: '300',
        FOVEA_LOG_LEVEL: 'silent',
      }),
      { serveApp: false },
    );
  });
  afterAll(async () => {
    await app.close();
    silent.closeAllConnections();
    silent.close();
  });

  it.each(['/dicom-web/studies', '/dicom-web/studies/1/series/2'])(
    'gives up after the configured timeout with 504 and a JSON reason (%s)',
    async (url) => {
      const started = Date.now();
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(504);
      expect(response.json().error.message).toBe('PACS did not answer within 0.3 s');
      expect(Date.now() - started).toBeLessThan(5000);
    },
  );
});

// A PACS that, like Orthanc, keeps an idle connection open for one second and says so.
describe('gateway in front of a PACS with a short keep-alive', () => {
  let app: FastifyInstance;
  let pacs: Server;
  /** The gateway's end of the connection each frame request came on. */
  const frameConnections = new Set<number | undefined>();

  beforeAll(async () => {
    pacs = createServer((request, response) => {
      if (request.url?.includes('/frames/')) frameConnections.add(request.socket.remotePort);
      response.writeHead(200, {
        'content-type': 'multipart/related; type="application/octet-stream"; boundary=b',
        'keep-alive': 'timeout=1',
      });
      response.end('--b\r\nContent-Type: application/octet-stream\r\n\r\nframe\r\n--b--');
    });
    pacs.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => pacs.listen(0, '127.0.0.1', resolve));
    const { port } = pacs.address() as AddressInfo;
    app = await buildGateway(
      readGatewayConfig({ FOVEA_PACS_URL: `http://127.0.0.1:${port}/dicom-web`, FOVEA_LOG_LEVEL: 'silent' }),
      { serveApp: false },
    );
  });
  afterAll(async () => {
    await app.close();
    pacs.closeAllConnections();
    pacs.close();
  });

  it('reuses its connection to the PACS from one frame to the next', async () => {
    for (let frame = 1; frame <= 10; frame++) {
      const response = await app.inject({ method: 'GET', url: `/dicom-web/studies/1/frames/${frame}` });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('frame');
    }
    // One connection per frame before; undici may open a second while the first finishes a response.
    expect(frameConnections.size).toBeLessThanOrEqual(2);
  });

  it("does not pass the PACS's keep-alive on to the browser", async () => {
    const response = await app.inject({ method: 'GET', url: '/dicom-web/studies/1/frames/1' });
    expect(response.headers['keep-alive']).toBeUndefined();
    expect(response.headers['content-type']).toContain('multipart/related');
  });
});

describe('workitems with the worklist source down or silent', () => {
  let silent: Server;
  let down: FastifyInstance;
  let slow: FastifyInstance;

  beforeAll(async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const closedPort = await freePort();
    const base = { FOVEA_PACS_URL: 'http://127.0.0.1:1/dicom-web', FOVEA_LOG_LEVEL: 'silent' };
    down = await buildGateway(
      readGatewayConfig({ ...base, FOVEA_MWL_ORTHANC_URL: `http://127.0.0.1:${closedPort}` }),
      { serveApp: false },
    );
    slow = await buildGateway(
      readGatewayConfig({
        ...base,
        FOVEA_MWL_ORTHANC_URL: `http://127.0.0.1:${port}`,
        FOVEA_MWL_TIMEOUT_MS: '300',
      }),
      { serveApp: false },
    );
  });
  afterAll(async () => {
    await down.close();
    await slow.close();
    silent.closeAllConnections();
    silent.close();
  });

  it('answers 503 with a reason when the worklist is unreachable', async () => {
    const response = await down.inject({ method: 'GET', url: '/dicom-web/workitems' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toBe('The worklist is unreachable');
    expect(response.json().error.detail).toContain('ECONNREFUSED');
  });

  it('answers 504 within the configured time when the worklist does not answer', async () => {
    const started = Date.now();
    const response = await slow.inject({ method: 'GET', url: '/dicom-web/workitems' });
    expect(response.statusCode).toBe(504);
    expect(response.json().error.message).toBe('The worklist did not answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('gateway with an operator config.json', () => {
  it('serves FOVEA_APP_CONFIG instead of the built config.json', async () => {
    const appDir = mkdtempSync(join(tmpdir(), 'fovea-app-'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Fovea</title>');
    writeFileSync(join(appDir, 'config.json'), '{"from":"build"}');
    const operatorFile = join(mkdtempSync(join(tmpdir(), 'fovea-operator-')), 'site-config.json');
    writeFileSync(operatorFile, '{"from":"operator"}');
    const app = await buildGateway(
      readGatewayConfig({
        FOVEA_PACS_URL: 'http://127.0.0.1:1/dicom-web',
        FOVEA_APP_DIR: appDir,
        FOVEA_APP_CONFIG: operatorFile,
        FOVEA_LOG_LEVEL: 'silent',
      }),
    );
    try {
      const response = await app.inject({ method: 'GET', url: '/config.json' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ from: 'operator' });
    } finally {
      await app.close();
    }
  });
});

// Orthanc streams a study's or series' files with no length and closes the connection at their end.
// A reader slower than the PACS makes the gateway hold the answer back; the close must still end the
// answer whole, never the gateway.
describe('gateway passing on a large answer that the PACS ends by closing its connection', () => {
  const PIECE = Buffer.alloc(256 * 1024, 7);
  const PIECES = 64;
  let app: FastifyInstance;
  let pacs: Server;
  let gateway: string;
  /** The Connection header of each request the PACS saw, by path. */
  const connections = new Map<string, string | undefined>();

  beforeAll(async () => {
    pacs = createServer((request, response) => {
      connections.set(request.url ?? '', request.headers.connection);
      response.writeHead(200, {
        'content-type': 'multipart/related; type="application/dicom"; boundary=b',
        connection: 'close',
      });
      let sent = 0;
      const more = () => {
        while (sent < PIECES) {
          sent += 1;
          if (!response.write(PIECE)) {
            response.once('drain', more);
            return;
          }
        }
        response.end();
      };
      more();
    });
    await new Promise<void>((resolve) => pacs.listen(0, '127.0.0.1', resolve));
    const { port } = pacs.address() as AddressInfo;
    const gatewayPort = await freePort();
    app = await buildGateway(
      readGatewayConfig({
        FOVEA_PACS_URL: `http://127.0.0.1:${port}/dicom-web`,
        FOVEA_PORT: String(gatewayPort),
        FOVEA_HOST: '127.0.0.1',
        FOVEA_LOG_LEVEL: 'silent',
      }),
      { serveApp: false },
    );
    await app.listen({ port: gatewayPort, host: '127.0.0.1' });
    gateway = `http://127.0.0.1:${gatewayPort}`;
  });
  afterAll(async () => {
    await app.close();
    pacs.closeAllConnections();
    pacs.close();
  });

  it.each([
    ['series', '/dicom-web/studies/1/series/2'],
    ['study', '/dicom-web/studies/1'],
  ])('passes a %s on whole to a reader that pauses', async (_what, path) => {
    const received = await new Promise<number>((resolve, reject) => {
      const request = httpGet(`${gateway}${path}`, (response) => {
        let bytes = 0;
        // A slow reader: the gateway is held back again and again, up to the PACS's close.
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          response.pause();
          setTimeout(() => response.resume(), 2);
        });
        response.on('end', () => resolve(bytes));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
    expect(received).toBe(PIECE.length * PIECES);
    // Asked for on a connection of its own (Node's HTTP client), not on the pooled ones (undici).
    expect(connections.get(path)).toBe('close');
  });

  it('keeps searches and metadata on the pooled connections', async () => {
    for (const path of ['/dicom-web/studies/1/series', '/dicom-web/studies/1/series/2/metadata']) {
      await new Promise<void>((resolve, reject) => {
        httpGet(`${gateway}${path}`, (response) => {
          response.resume();
          response.on('end', resolve);
        }).on('error', reject);
      });
      expect(connections.get(path)).not.toBe('close');
    }
  });
});
