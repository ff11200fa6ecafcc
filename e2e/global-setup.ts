import { startPrivateStack } from './harness';

/** Starts one private Orthanc + gateway for the whole run; tests read where it is from process.env. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startPrivateStack((line) => console.info(`[e2e setup] ${line}`));
  process.env.FOVEA_E2E_URL = stack.url;
  process.env.FOVEA_E2E_ORTHANC_URL = stack.orthanc.url;
  process.env.FOVEA_E2E_ORTHANC_AUTHORIZATION = stack.orthanc.authorization;
  process.env.FOVEA_E2E_ORTHANC_DICOM_PORT = String(stack.dicomPort);
  process.env.FOVEA_E2E_ORTHANC_AET = stack.aet;
  return () => stack.stop();
}
