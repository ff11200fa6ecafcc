import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGateway, listen } from '../../server/app';
import { readGatewayConfig } from '../../server/config';
import { freePort } from '../../scripts/lib/ports';
import type { PrivateStack } from '../../e2e/harness';

/** The published OHIF viewer build compared against; its `dist/` is a static app. */
export const OHIF_PACKAGE = '@ohif/app';
export const OHIF_VERSION = '3.13.2';

export interface RunningPeer {
  name: string;
  version: string;
  url: string;
  /** How the peer was set up differently from its published defaults, for the report. */
  notes: string[];
  stop(): Promise<void>;
}

/**
 * Fetches the prebuilt OHIF from the npm registry once (`npm pack` + extract) into `cacheDir`. It is not
 * a dependency of Fovea: nothing imports it, and the cache lives under .fovea/.
 */
export function ensureOhif(cacheDir: string, log: (line: string) => void): string {
  const home = join(cacheDir, `ohif-${OHIF_VERSION}`);
  const dist = join(home, 'package', 'dist');
  if (existsSync(join(dist, 'index.html'))) return dist;
  mkdirSync(home, { recursive: true });
  log(`Fetching ${OHIF_PACKAGE}@${OHIF_VERSION} from the npm registry into ${home}…`);
  const pack = spawnSync('npm', ['pack', `${OHIF_PACKAGE}@${OHIF_VERSION}`, '--silent'], {
    cwd: home,
    encoding: 'utf8',
  });
  if (pack.status !== 0)
    throw new Error(`npm pack ${OHIF_PACKAGE}@${OHIF_VERSION} failed: ${pack.stderr.trim()}`);
  const tarball = readdirSync(home).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no tarball in ${home}`);
  const untar = spawnSync('tar', ['xzf', tarball], { cwd: home, encoding: 'utf8' });
  if (untar.status !== 0 || !existsSync(join(dist, 'index.html')))
    throw new Error(`could not extract ${tarball}: ${untar.stderr.trim()}`);
  return dist;
}

/**
 * OHIF's runtime configuration for this run: one DICOMweb data source, the same gateway's
 * /dicom-web, and its study prefetcher on (off in the published default, and without it OHIF never
 * loads a whole series by itself). Everything else is as OHIF publishes it.
 */
export function ohifAppConfig(origin: string): string {
  const root = `${origin}/dicom-web`;
  const config = {
    routerBasename: null,
    extensions: [],
    modes: [],
    showStudyList: true,
    maxNumberOfWebWorkers: 3,
    showWarningMessageForCrossOrigin: false,
    showCPUFallbackMessage: true,
    showLoadingIndicator: true,
    strictZSpacingForVolumeViewport: true,
    maxNumRequests: { interaction: 100, thumbnail: 5, prefetch: 25 },
    studyPrefetcher: { enabled: true, displaySetsCount: 2, maxNumPrefetchRequests: 10, order: 'closest' },
    defaultDataSourceName: 'dicomweb',
    dataSources: [
      {
        namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
        sourceName: 'dicomweb',
        configuration: {
          friendlyName: 'Fovea gateway',
          name: 'fovea',
          wadoUriRoot: root,
          qidoRoot: root,
          wadoRoot: root,
          qidoSupportsIncludeField: false,
          imageRendering: 'wadors',
          thumbnailRendering: 'wadors',
          enableStudyLazyLoad: true,
          supportsFuzzyMatching: false,
          supportsWildcard: true,
          staticWado: false,
          singlepart: 'bulkdata,video',
          bulkDataURI: { enabled: true, relativeResolution: 'studies' },
          omitQuotationForMultipartRequest: true,
        },
      },
    ],
  };
  return `/** Written by \`npm run bench -- --peer ohif\` (bench/peers/ohif.ts). */\nwindow.config = ${JSON.stringify(config, null, 2)};\n`;
}

/**
 * Serves OHIF's dist/ through a second instance of Fovea's gateway in front of the same private
 * Orthanc: same proxy, same PACS, same loopback. Only its Content-Security-Policy is dropped, on this
 * server alone — OHIF's index.html runs inline scripts, which Fovea's policy forbids.
 */
export async function startOhif(
  stack: PrivateStack,
  cacheDir: string,
  log: (line: string) => void,
): Promise<RunningPeer> {
  const dist = ensureOhif(cacheDir, log);
  const port = await freePort();
  const config = readGatewayConfig({
    FOVEA_PORT: String(port),
    FOVEA_PACS_URL: stack.orthanc.dicomWebUrl,
    FOVEA_PACS_AUTHORIZATION: stack.orthanc.authorization,
    FOVEA_APP_DIR: dist,
    FOVEA_LOG_LEVEL: 'error',
  });
  const app = await buildGateway(config);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('content-security-policy');
    return payload;
  });
  const url = await listen(app, config);
  writeFileSync(join(dist, 'app-config.js'), ohifAppConfig(url));
  return {
    name: 'OHIF',
    version: OHIF_VERSION,
    url,
    notes: [
      `${OHIF_PACKAGE}@${OHIF_VERSION} from the npm registry, served by a second gateway on the same Orthanc`,
      'app-config.js: one DICOMweb source at the gateway, study prefetcher on; no CSP on its server',
    ],
    stop: () => app.close(),
  };
}
