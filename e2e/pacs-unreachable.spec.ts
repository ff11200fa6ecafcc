import { join, resolve } from 'node:path';
import { buildGateway, listen } from '../server/app';
import { readGatewayConfig } from '../server/config';
import { freePort } from '../scripts/lib/ports';
import { expect, test } from './fixtures';
import { PacsRelay } from './relay';

const ROOT = resolve(import.meta.dirname, '..');

test('with the PACS down the study list says so, keeps retrying, and recovers on its own', async ({
  page,
}) => {
  // A second gateway whose way to the private Orthanc goes through a relay the test controls.
  const orthancPort = Number(new URL(process.env.FOVEA_E2E_ORTHANC_URL!).port);
  const relay = new PacsRelay(orthancPort, await freePort());
  const config = readGatewayConfig({
    FOVEA_PORT: String(await freePort()),
    FOVEA_PACS_URL: `http://127.0.0.1:${relay.port}/dicom-web`,
    FOVEA_PACS_AUTHORIZATION: process.env.FOVEA_E2E_ORTHANC_AUTHORIZATION,
    FOVEA_APP_DIR: join(ROOT, 'dist'),
    // Each refused connection would be logged as a warning; the test checks the answers instead.
    FOVEA_LOG_LEVEL: 'silent',
  });
  const gateway = await buildGateway(config);
  const url = await listen(gateway, config);
  try {
    // The PACS is down: the gateway answers with a JSON reason, the app with a banner, not an empty list.
    const response = await page.request.get(`${url}/dicom-web/studies?limit=1`);
    expect(response.status()).toBe(503);
    expect(await response.json()).toMatchObject({ error: { message: 'PACS unreachable' } });
    const health = await (await page.request.get(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'degraded', pacs: { reachable: false } });

    await page.goto(`${url}/studies`);
    const banner = page.getByRole('alert').filter({ hasText: 'PACS unreachable — retrying' });
    await expect(banner).toBeVisible();
    await expect(page.getByText(/no studies/i)).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/pacs-unreachable.png' });

    // The PACS comes back: without a reload, the banner goes and the studies appear.
    await relay.restore();
    await expect(page.locator('[data-study-uid]').first()).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveCount(0);
  } finally {
    await gateway.close();
    await relay.cut();
  }
});
