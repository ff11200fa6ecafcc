import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildGateway, listen } from '../server/app';
import { readGatewayConfig } from '../server/config';
import { ensureAppBuilt } from '../scripts/lib/build';
import { startOrthanc, type RunningOrthanc } from '../scripts/lib/orthanc';
import { freePort } from '../scripts/lib/ports';
import { Supervisor } from '../scripts/lib/processes';
import { startGatewayProcess } from '../scripts/lib/gatewayProcess';
import { seedDemo } from '../scripts/lib/seed';

const ROOT = resolve(import.meta.dirname, '..');

export interface PrivateStack {
  /** The gateway serving the built app. */
  url: string;
  orthanc: RunningOrthanc;
  dicomPort: number;
  /** AE title of the private Orthanc, which its worklist SCP answers to and accepts as a caller. */
  aet: string;
  stop(): Promise<void>;
}

export interface PrivateStackOptions {
  /**
   * `own`: the gateway runs in a process of its own, as it is deployed, so that work in this process
   * (a benchmark's browser driver, its own requests) does not hold up the answers it passes on. The
   * end-to-end tests keep it in this process, which starts faster.
   */
  gateway?: 'in-process' | 'own';
}

/**
 * A Fovea of its own for tests and benchmarks: Orthanc on free loopback ports with storage in a
 * temporary folder, seeded with the demo data, behind a gateway serving the built app. Never the
 * instance of `npm start`.
 */
export async function startPrivateStack(
  log: (line: string) => void = () => {},
  { gateway = 'in-process' }: PrivateStackOptions = {},
): Promise<PrivateStack> {
  const supervisor = new Supervisor();
  const dataDir = mkdtempSync(join(tmpdir(), 'fovea-e2e-'));
  supervisor.onStop(() => rmSync(dataDir, { recursive: true, force: true }));
  try {
    ensureAppBuilt(log);
    const [httpPort, dicomPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const aet = 'FOVEA_TEST';
    const orthanc = await startOrthanc({ dataDir, httpPort, dicomPort, aet }, supervisor);
    await seedDemo(orthanc, { cacheDir: join(ROOT, '.fovea', 'demo-cache'), today: new Date(), log });
    const env = {
      FOVEA_PORT: String(gatewayPort),
      FOVEA_PACS_URL: orthanc.dicomWebUrl,
      FOVEA_PACS_AUTHORIZATION: orthanc.authorization,
      FOVEA_MWL_ORTHANC_URL: orthanc.url,
      FOVEA_MWL_ORTHANC_AUTHORIZATION: orthanc.authorization,
      FOVEA_APP_DIR: join(ROOT, 'dist'),
      FOVEA_LOG_LEVEL: 'error',
    };
    let url: string;
    if (gateway === 'own') {
      url = await startGatewayProcess(env, supervisor);
    } else {
      const config = readGatewayConfig(env);
      const app = await buildGateway(config);
      supervisor.onStop(() => app.close());
      url = await listen(app, config);
    }
    return { url, orthanc, dicomPort, aet, stop: () => supervisor.stopAll() };
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
}
