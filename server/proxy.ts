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

  await app.register(async (proxy) => {
    // Pass request bodies through untouched, whatever their type (multipart/related for STOW-RS).
    proxy.removeAllContentTypeParsers();
    proxy.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

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
    proxy.all(DICOMWEB_PREFIX, forward);
    proxy.all(`${DICOMWEB_PREFIX}/*`, forward);
  });
}

/** The PACS's response headers less those that describe its own connection to the gateway. */
export function withoutHopByHop<T extends Record<string, unknown>>(headers: T): T {
  const kept: Record<string, unknown> = { ...headers };
  delete kept['keep-alive'];
  delete kept.connection;
  return kept as T;
}
