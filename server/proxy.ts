import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from './config';
import { sendError } from './errors';

export const DICOMWEB_PREFIX = '/dicom-web';

/** Connection failures that mean "the PACS is not there right now" (503) rather than a bad answer. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'FST_REPLY_FROM_SERVICE_UNAVAILABLE',
]);

/**
 * Reverse proxy from /dicom-web/* to the PACS's DICOMweb root. Bodies stream both ways (pixel data and
 * STOW uploads are never buffered); the browser's credentials are replaced by the gateway's own.
 */
export async function registerDicomWebProxy(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  const upstream = config.pacs.url;
  const upstreamPath = upstream.pathname.replace(/\/+$/, '');
  const seconds = config.pacs.timeoutMs / 1000;

  const forward = (request: FastifyRequest, reply: FastifyReply) => {
    const target = upstreamPath + request.raw.url!.slice(DICOMWEB_PREFIX.length);
    return reply.from(target, {
      timeout: config.pacs.timeoutMs,
      rewriteRequestHeaders: (req, headers) => {
        const rewritten: Record<string, string | string[] | undefined> = { ...headers };
        delete rewritten.authorization;
        delete rewritten.cookie;
        rewritten.host = upstream.host;
        if (config.pacs.authorization) rewritten.authorization = config.pacs.authorization;
        // Lets the PACS write BulkDataURIs that point back through the gateway.
        rewritten.forwarded = `host=${req.headers.host ?? `${config.host}:${config.port}`};proto=${req.protocol}`;
        return rewritten;
      },
      // How long the PACS keeps its connection to the gateway open says nothing about the
      // browser's connection to the gateway (hop-by-hop, RFC 9110 7.6.1): a client that believed
      // Orthanc's one second reconnected for every frame.
      rewriteHeaders: (headers) => withoutHopByHop(headers),
      onError: (proxyReply, { error }) => {
        // reply-from types its callback for HTTP/1 and HTTP/2 servers; the gateway is HTTP/1.
        const errorReply = proxyReply as unknown as FastifyReply;
        const code = (error as { code?: string }).code ?? '';
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const reason = cause?.code ?? code;
        const detail = `${reason}: ${cause?.message ?? error.message}`;
        if (UNREACHABLE.has(reason) || UNREACHABLE.has(code)) {
          return sendError(errorReply, 503, 'PACS unreachable', detail);
        }
        if (code.includes('TIMEOUT') || reason.includes('TIMEOUT')) {
          return sendError(errorReply, 504, `PACS did not answer within ${seconds} s`, detail);
        }
        return sendError(errorReply, 502, 'PACS connection failed', detail);
      },
    });
  };

  // Pass request bodies through untouched, whatever their type (multipart/related for STOW-RS).
  const passBodies = (proxy: FastifyInstance) => {
    proxy.removeAllContentTypeParsers();
    proxy.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  };

  await app.register(async (proxy) => {
    passBodies(proxy);
    await proxy.register(replyFrom, {
      base: upstream.origin,
      undici: {
        connections: 64,
        pipelining: 1,
        keepAliveTimeout: 60_000,
        // Orthanc announces "Keep-Alive: timeout=1". undici closes a connection after its response
        // when the announced idle time is below this margin (2 s by default), so every frame of a
        // series opened a new connection to the PACS: a third of the gateway's time per frame. A
        // connection idle for up to 0.7 s of the PACS's 1 s is reused.
        keepAliveTimeoutThreshold: 300,
      },
    });
    proxy.all(DICOMWEB_PREFIX, forward);
    proxy.all(`${DICOMWEB_PREFIX}/*`, forward);
  });

  // A study's, series' or instance's files (WADO-RS retrieve) come as one long answer that Orthanc
  // ends by closing its connection. undici 7 fails an assertion, and takes the gateway down, when the
  // PACS closes a connection whose answer it is holding back for a slower browser; Node's own HTTP
  // client passes such answers on, on a connection of their own.
  await app.register(async (proxy) => {
    passBodies(proxy);
    await proxy.register(replyFrom, {
      base: upstream.origin,
      http: {
        // Infinity, Node's own default (reply-from sets a limit): then each request says Connection: close.
        agentOptions: { keepAlive: false, maxSockets: Infinity },
        // reply-from would otherwise accept any certificate from an https PACS.
        requestOptions: { rejectUnauthorized: true },
      },
    });
    for (const path of RETRIEVE_PATHS) proxy.get(`${DICOMWEB_PREFIX}${path}`, forward);
  });
}

/** WADO-RS retrieve of whole instances (PS3.18 10.4): study, series and instance resources. */
const RETRIEVE_PATHS = [
  '/studies/:study',
  '/studies/:study/series/:series',
  '/studies/:study/series/:series/instances/:instance',
];

/** The PACS's response headers less those that describe its own connection to the gateway. */
export function withoutHopByHop<T extends Record<string, unknown>>(headers: T): T {
  const kept: Record<string, unknown> = { ...headers };
  delete kept['keep-alive'];
  delete kept.connection;
  return kept as T;
}
