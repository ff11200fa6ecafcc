import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GatewayConfig } from './config';
import { sendError } from './errors';

/** Paths that belong to the gateway's APIs; they never fall back to the SPA's index.html. */
const API_PREFIXES = ['/dicom-web', '/api/', '/healthz'];

export class AppNotBuiltError extends Error {}

/** Serves the built SPA: hashed assets cached for a year, everything else revalidated. */
export async function registerSpa(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  const root = resolve(config.appDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new AppNotBuiltError(`The app is not built: ${root}/index.html is missing. Run "npm run build".`);
  }

  if (config.appConfigFile) {
    const file = resolve(config.appConfigFile);
    if (!existsSync(file)) throw new AppNotBuiltError(`FOVEA_APP_CONFIG points at a missing file: ${file}`);
    app.get('/config.json', (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile(file.split('/').pop()!, resolve(file, '..')),
    );
  }

  await app.register(fastifyStatic, {
    root,
    index: false,
    // A wildcard route, so that an operator's FOVEA_APP_CONFIG can own /config.json.
    wildcard: true,
    // `npm run build` writes .br and .gz siblings of the assets (scripts/lib/build.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  // The root is a page (the app redirects it), not a directory to list.
  app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PREFIXES.some((p) => path.startsWith(p));
    // A file name ends in an extension with a letter; a path ending in a UID (".1234") is a page.
    if (wantsPage && !/\.[a-z0-9]*[a-z][a-z0-9]*$/i.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, `Not found: ${request.method} ${path}`);
  });
}
