import Fastify, { type FastifyInstance } from 'fastify';
import type { GatewayConfig } from './config';
import { sendError } from './errors';
import { registerSecurityHeaders } from './headers';
import { registerEvents } from './events';
import { registerHealth } from './health';
import { registerDicomWebProxy } from './proxy';
import { registerSpa } from './spa';
import { registerWorkitems } from './workitems/route';
import { DimseWorklistSource } from './workitems/dimseSource';
import { OrthancWorklistSource } from './workitems/source';

/**
 * Composes the gateway: security headers, /healthz, the DICOMweb proxy and the SPA. `serveApp: false`
 * is for development, where Vite's dev server serves the SPA and forwards the APIs here.
 */
export async function buildGateway(
  config: GatewayConfig,
  { serveApp = true } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    // Long studies take a while to stream; the PACS timeout applies per request instead.
    connectionTimeout: 0,
    keepAliveTimeout: 65_000,
    trustProxy: false,
  });
  registerSecurityHeaders(app, config.frameAncestors);
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) app.log.error(error);
    return sendError(reply, status, status >= 500 ? 'Internal gateway error' : error.message, error.message);
  });
  registerHealth(app, config);
  registerWorklist(app, config.worklist);
  registerEvents(app, config.events);
  await registerDicomWebProxy(app, config);
  if (serveApp) await registerSpa(app, config);
  return app;
}

/** Starts listening; a port in use becomes an error that says what to do. */
export async function listen(app: FastifyInstance, config: GatewayConfig): Promise<string> {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${config.port} is already in use — is Fovea or another program already running?\n` +
          `Stop it, or choose another port: FOVEA_PORT=<port> npm start`,
      );
    }
    throw error;
  }
  return `http://${config.host}:${config.port}`;
}

function registerWorklist(app: FastifyInstance, worklist: GatewayConfig['worklist']): void {
  if (worklist?.kind === 'orthanc') {
    const { orthancUrl, modality, authorization, timeoutMs } = worklist;
    registerWorkitems(app, new OrthancWorklistSource(orthancUrl, modality, authorization, timeoutMs));
  } else if (worklist?.kind === 'dimse') {
    registerWorkitems(app, new DimseWorklistSource(worklist));
  }
}
