import { assertPortFree } from './ports';
import { startOrthanc, type RunningOrthanc } from './orthanc';
import { Supervisor } from './processes';
import { seedDemo } from './seed';
import { readStartSettings, type StartSettings } from './settings';

export interface StackContext {
  settings: StartSettings;
  supervisor: Supervisor;
  orthanc: RunningOrthanc | undefined;
  /** Environment for the gateway: where the PACS is and how to authenticate to it. */
  pacsEnv: Record<string, string>;
  log: (line: string) => void;
}

/**
 * Starts what `npm start` and `npm run dev` share: the embedded Orthanc (unless FOVEA_PACS_URL names
 * another PACS) with today's worklist and the demo data, then hands over to `next`. Any failure is
 * printed as one message, and everything started is stopped.
 */
export async function startStack(
  name: string,
  next: (context: StackContext) => Promise<void>,
): Promise<void> {
  const supervisor = new Supervisor();
  const log = (line: string) => console.info(line);
  try {
    const settings = readStartSettings(process.env);
    const gatewayPort = Number(process.env.FOVEA_PORT ?? 8080);
    await assertPortFree(gatewayPort, 'Fovea', 'FOVEA_PORT');
    if (name === 'dev') await assertPortFree(settings.devPort, 'Vite dev server', 'FOVEA_DEV_PORT');

    let orthanc: RunningOrthanc | undefined;
    let pacsEnv: Record<string, string>;
    if (settings.externalPacsUrl) {
      log(`Using the PACS at ${settings.externalPacsUrl}`);
      pacsEnv = { FOVEA_PACS_URL: settings.externalPacsUrl };
    } else {
      await assertPortFree(settings.orthanc.httpPort, 'Orthanc HTTP', 'FOVEA_ORTHANC_HTTP_PORT');
      await assertPortFree(settings.orthanc.dicomPort, 'Orthanc DICOM', 'FOVEA_ORTHANC_DICOM_PORT');
      log(`Starting Orthanc (data in ${settings.orthanc.dataDir})…`);
      orthanc = await startOrthanc(settings.orthanc, supervisor);
      watchForExit(orthanc, supervisor);
      if (settings.seedDemo) {
        const seeded = await seedDemo(orthanc, { cacheDir: settings.demoCacheDir, today: new Date(), log });
        log(
          seeded.skipped
            ? `Demo data already stored; today's worklist has ${seeded.worklistItems} procedures.`
            : `Stored ${seeded.stored} demo instances; today's worklist has ${seeded.worklistItems} procedures.`,
        );
      }
      pacsEnv = {
        FOVEA_PACS_URL: orthanc.dicomWebUrl,
        FOVEA_PACS_AUTHORIZATION: orthanc.authorization,
        FOVEA_MWL_ORTHANC_URL: orthanc.url,
        FOVEA_MWL_ORTHANC_AUTHORIZATION: orthanc.authorization,
      };
    }
    await next({ settings, supervisor, orthanc, pacsEnv, log });
  } catch (error) {
    console.error(`\nFovea cannot start: ${(error as Error).message}`);
    await supervisor.stopAll();
    process.exit(1);
  }
}

function watchForExit(orthanc: RunningOrthanc, supervisor: Supervisor): void {
  orthanc.onUnexpectedExit((reason) => {
    console.error(`\n${reason}; see ${orthanc.logFile}. Stopping Fovea.`);
    void supervisor.stopAll().then(() => process.exit(1));
  });
}
