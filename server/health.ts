import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from './config';

export interface PacsHealth {
  reachable: boolean;
  latencyMs?: number;
  status?: number;
  error?: string;
}

export interface Health {
  status: 'ok' | 'degraded';
  uptimeS: number;
  pacs: PacsHealth & { url: string };
}

/** Asks the PACS for one study over QIDO-RS: the cheapest request every DICOMweb archive answers. */
export async function checkPacs(config: GatewayConfig, timeoutMs = 3000): Promise<PacsHealth> {
  const started = performance.now();
  try {
    const response = await fetch(`${config.pacs.url.href}/studies?limit=1`, {
      headers: {
        accept: 'application/dicom+json',
        ...(config.pacs.authorization ? { authorization: config.pacs.authorization } : {}),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    const latencyMs = Math.round(performance.now() - started);
    if (response.ok || response.status === 204)
      return { reachable: true, latencyMs, status: response.status };
    return {
      reachable: false,
      latencyMs,
      status: response.status,
      error: `PACS answered HTTP ${response.status}`,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { reachable: false, error: cause ?? (error as Error).message };
  }
}

export function registerHealth(app: FastifyInstance, config: GatewayConfig): void {
  const startedAt = Date.now();
  const pacsUrl = new URL(config.pacs.url.href);
  pacsUrl.username = '';
  pacsUrl.password = '';
  app.get('/healthz', async (_request, reply) => {
    const pacs = await checkPacs(config);
    const body: Health = {
      status: pacs.reachable ? 'ok' : 'degraded',
      uptimeS: Math.round((Date.now() - startedAt) / 1000),
      pacs: { ...pacs, url: pacsUrl.href },
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
