import { setTimeout as sleep } from 'node:timers/promises';
import { waitForOneDayMs } from './demoDay';
import { startPrivateStack } from './harness';

/** Starts one private Orthanc + gateway for the whole run; tests read where it is from process.env. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const wait = waitForOneDayMs(new Date());
  if (wait > 0) {
    console.info(
      `[e2e setup] Midnight is ${Math.ceil(wait / 60_000)} min away: the demo is stored for one day, ` +
        'so the run waits for the new day rather than pass midnight half-way.',
    );
    await sleep(wait);
  }
  const stack = await startPrivateStack((line) => console.info(`[e2e setup] ${line}`));
  process.env.FOVEA_E2E_URL = stack.url;
  process.env.FOVEA_E2E_ORTHANC_URL = stack.orthanc.url;
  process.env.FOVEA_E2E_ORTHANC_AUTHORIZATION = stack.orthanc.authorization;
  process.env.FOVEA_E2E_ORTHANC_DICOM_PORT = String(stack.dicomPort);
  process.env.FOVEA_E2E_ORTHANC_AET = stack.aet;
  return () => stack.stop();
}
