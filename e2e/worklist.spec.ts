import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { demoIncoming, demoOrders, type DemoOrder } from '../demo';
import { buildGateway, listen } from '../server/app';
import { readGatewayConfig } from '../server/config';
import { freePort } from '../scripts/lib/ports';
import { expect, orthancRest, test } from './fixtures';
import { PacsRelay } from './relay';
import { formatPersonName, parsePersonName } from '../src/dicom';

const ROOT = resolve(import.meta.dirname, '..');
const SHOTS = 'test-results/screenshots';
const today = new Date();
const orders = demoOrders(today);

const rowOf = (page: Page, order: DemoOrder) =>
  page.locator(`[role="row"][data-accession="${order.accessionNumber}"]`);
const bodyRows = (page: Page) => page.getByTestId('worklist').locator('[role="row"][data-workitem-uid]');

/** The parts of a catalog name (PN) a reader must find on the row: family in capitals, given, and the other scripts. */
function nameParts(pn: string): string[] {
  const [alphabetic = '', ideographic] = pn.split('=');
  const [family = '', given = ''] = alphabetic.split('^');
  const parts = [family.toUpperCase(), given];
  if (ideographic) parts.push(...ideographic.split('^').filter(Boolean));
  return parts;
}

test("the worklist shows today's orders with the demographics of the catalog", async ({ page }) => {
  await page.goto('/');
  await expect(bodyRows(page)).toHaveCount(orders.length);
  for (const order of orders) {
    const cells = rowOf(page, order).getByRole('gridcell');
    await expect(cells.nth(0)).toHaveText(`${order.time.slice(0, 2)}:${order.time.slice(2, 4)}`);
    for (const part of nameParts(order.patient.name)) await expect(cells.nth(1)).toContainText(part);
    // Nothing but the name: no control codes or stray characters around its parts.
    await expect(cells.nth(1)).toContainText(formatPersonName(parsePersonName(order.patient.name)));
    await expect(cells.nth(2)).toHaveText(order.patient.id);
    await expect(cells.nth(3)).toContainText(order.patient.sex);
    await expect(cells.nth(4)).toHaveText(order.description);
    await expect(cells.nth(5)).toHaveText(order.modality);
    await expect(cells.nth(6)).toHaveText(order.stationName);
    await expect(cells.nth(7)).toHaveText(order.accessionNumber);
  }
  // Sorted by scheduled time.
  const times = await bodyRows(page).locator('[role="gridcell"]:first-child').allTextContents();
  expect([...times].sort()).toEqual(times);

  // Statuses derived from the PACS: an order whose result came from the worklist has its images; one
  // typed in at the modality with another patient ID needs a match; one with nothing stored waits.
  const incoming = demoIncoming(today);
  const exact = incoming.find((s) => s.change === 'none')!;
  const transposed = incoming.find((s) => s.change === 'patient ID digits transposed')!;
  const idle = orders.find((o) => !incoming.some((s) => s.order.accessionNumber === o.accessionNumber))!;
  await expect(rowOf(page, exact.order)).toHaveAttribute('data-status', /images|report/);
  await expect(rowOf(page, transposed.order)).toHaveAttribute('data-status', 'needs-match');
  await expect(rowOf(page, transposed.order)).toContainText('patient ID');
  await expect(rowOf(page, idle)).toHaveAttribute('data-status', 'waiting');
  await page.screenshot({ path: `${SHOTS}/worklist-today.png` });

  // Keyboard: the arrows move the selection, Enter on an order without results says so.
  await page.getByTestId('worklist').focus();
  const idleIndex = orders.findIndex((o) => o === idle);
  for (let i = 0; i <= idleIndex; i += 1) await page.keyboard.press('ArrowDown');
  await expect(rowOf(page, idle)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'No images or reports have arrived yet' }),
  ).toContainText(idle.accessionNumber);
  // …and on an order with images, opens them in the viewer.
  await rowOf(page, exact.order).click();
  await expect(page).toHaveURL(/\/viewer\?StudyInstanceUIDs=/);
  expect(decodeURIComponent(page.url())).toContain(exact.studyInstanceUID);
});

test('filtering by modality and by text narrows the list, and the counts follow', async ({ page }) => {
  await page.goto('/');
  await expect(bodyRows(page)).toHaveCount(orders.length);
  const total = async () =>
    (await page.locator('[data-status-count]').allTextContents()).reduce((sum, n) => sum + Number(n), 0);
  expect(await total()).toBe(orders.length);

  await page.getByLabel('Modality').selectOption('OPV');
  const opv = orders.filter((o) => o.modality === 'OPV');
  await expect(bodyRows(page)).toHaveCount(opv.length);
  for (const order of opv) await expect(rowOf(page, order)).toBeVisible();
  expect(await total()).toBe(opv.length);
  await expect(page).toHaveURL(/modality=OPV/);

  await page.getByLabel('Modality').selectOption('');
  const greek = orders.find((o) => /[\u0370-\u03ff]/.test(o.patient.name))!;
  const greekFamily = greek.patient.name.split('=')[1]!.split('^')[0]!;
  await page.getByLabel('Patient, ID or accession').fill(greekFamily.toLowerCase());
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(rowOf(page, greek)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/worklist-filtered.png` });
});

test('a study stored for a scheduled order flips its row to "images received" without a reload', async ({
  page,
}) => {
  const incoming = demoIncoming(today);
  const order = orders.find((o) => !incoming.some((s) => s.order.accessionNumber === o.accessionNumber))!;
  await page.goto('/');
  const row = rowOf(page, order);
  await expect(row).toHaveAttribute('data-status', 'waiting');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // What a modality would send for the order: an instance of another study given the order's patient,
  // accession number and study UID (new series and instance UIDs), stored into Orthanc over REST.
  const [source] = (await (await orthancRest('/instances?since=0&limit=1')).json()) as string[];
  const modified = await orthancRest(`/instances/${source}/modify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      Replace: {
        PatientID: order.patient.id,
        PatientName: order.patient.name,
        PatientBirthDate: order.patient.birthDate,
        PatientSex: order.patient.sex,
        AccessionNumber: order.accessionNumber,
        StudyInstanceUID: order.studyInstanceUID,
        SeriesInstanceUID: `${order.studyInstanceUID}.1`,
        SOPInstanceUID: `${order.studyInstanceUID}.1.1`,
        SpecificCharacterSet: 'ISO_IR 192',
      },
      Force: true,
    }),
  });
  expect(modified.status).toBe(200);
  const stored = await orthancRest('/instances', { method: 'POST', body: await modified.arrayBuffer() });
  expect(stored.status).toBe(200);

  // The acceptance point of the live worklist: within 2 s, far sooner than the 30 s poll could.
  await expect(row).toHaveAttribute('data-status', 'images', { timeout: 2000 });
  await expect(row).toContainText('Images received (1)');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/worklist-live-flip.png` });
});

test('with the worklist SCP down the page says so and keeps the last good list', async ({ page }) => {
  // A second gateway that asks the private Orthanc's worklist SCP over DICOM, through a relay the
  // test cuts; it polls every 5 s so the outage shows up quickly.
  const dicomPort = Number(process.env.FOVEA_E2E_ORTHANC_DICOM_PORT);
  const aet = process.env.FOVEA_E2E_ORTHANC_AET!;
  const relay = new PacsRelay(dicomPort, await freePort());
  await relay.restore();
  const configDir = mkdtempSync(join(tmpdir(), 'fovea-worklist-'));
  const appConfig = JSON.parse(readFileSync(join(ROOT, 'dist', 'config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({ ...appConfig, worklist: { pollIntervalSeconds: 5 } }),
  );
  const config = readGatewayConfig({
    FOVEA_PORT: String(await freePort()),
    FOVEA_PACS_URL: `${process.env.FOVEA_E2E_ORTHANC_URL}/dicom-web`,
    FOVEA_PACS_AUTHORIZATION: process.env.FOVEA_E2E_ORTHANC_AUTHORIZATION,
    FOVEA_MWL_HOST: '127.0.0.1',
    FOVEA_MWL_PORT: String(relay.port),
    FOVEA_MWL_CALLED_AET: aet,
    // Orthanc answers worklist queries only from the AE titles it knows; its own is one.
    FOVEA_MWL_CALLING_AET: aet,
    FOVEA_MWL_TIMEOUT_MS: '3000',
    FOVEA_APP_DIR: join(ROOT, 'dist'),
    FOVEA_APP_CONFIG: join(configDir, 'config.json'),
    FOVEA_LOG_LEVEL: 'silent',
  });
  const gateway = await buildGateway(config);
  const url = await listen(gateway, config);
  try {
    // Over DICOM the worklist answers what Orthanc's REST route answers on the main gateway.
    const day = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
    const query = `/dicom-web/workitems?ScheduledProcedureStepStartDateTime=${day}`;
    const overDimse = await page.request.get(`${url}${query}`);
    expect(overDimse.status()).toBe(200);
    expect(await overDimse.json()).toEqual(await (await page.request.get(query)).json());

    await page.goto(`${url}/`);
    await expect(bodyRows(page)).toHaveCount(orders.length);
    const yamada = orders.find((o) => o.patient.name.includes('山田'))!;
    await expect(rowOf(page, yamada).getByRole('gridcell').nth(1)).toContainText('山田');

    await relay.cut();
    // The gateway reuses a worklist answer for a few seconds: the outage shows once that has expired.
    let down = await page.request.get(`${url}${query}`);
    await expect
      .poll(async () => (down = await page.request.get(`${url}${query}`)).status(), { timeout: 15_000 })
      .not.toBe(200);
    expect([503, 504]).toContain(down.status());
    expect((await down.json()).error.message).toMatch(/worklist/i);

    const banner = page.getByRole('alert').filter({ hasText: 'Worklist unavailable — retrying' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/Showing the list as it was at/)).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(orders.length);
    await expect(rowOf(page, yamada)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/worklist-mwl-down.png` });

    // The worklist comes back: the banner goes by itself.
    await relay.restore();
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    await expect(bodyRows(page)).toHaveCount(orders.length);
  } finally {
    await gateway.close();
    await relay.cut();
  }
});
