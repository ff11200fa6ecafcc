import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PATIENTS, DEMO_STUDIES, demoIncoming, demoPatient } from '../demo';
import { buildGateway, listen } from '../server/app';
import { readGatewayConfig } from '../server/config';
import { freePort } from '../scripts/lib/ports';
import { formatPersonName, parsePersonName } from '../src/dicom';
import { expect, test } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..');

const rows = (page: Page) => page.locator('[data-study-uid]');
const shownUids = async (page: Page) =>
  (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study-uid')))).sort();

/** Waits until the search typed into the form has been answered (the summary counts the studies). */
async function answered(page: Page) {
  await expect(page.locator('.page__summary')).toHaveText(/^\d+ stud(y|ies)$|^Showing/);
}

/** Every demo study of some patients: the stored history and what arrived today. */
function studiesOf(patientKeys: string[]): string[] {
  const today = new Date();
  return [
    ...DEMO_STUDIES.filter((s) => patientKeys.includes(s.patient)).map((s) => s.studyInstanceUID),
    ...demoIncoming(today)
      .filter((s) => patientKeys.includes(s.patient))
      .map((s) => s.studyInstanceUID),
  ].sort();
}

test('names written in Latin-1, Greek, Cyrillic, Arabic, Hebrew, Japanese and Korean character sets read as the patients are called', async ({
  page,
}) => {
  // Each patient's files declare the character set of the catalog (ISO 8859 parts, ISO 2022 code
  // extensions, UTF-8); the archive converts, and the list must show the same name.
  const charsets = new Set(DEMO_PATIENTS.map((p) => p.charset));
  expect(charsets.size).toBeGreaterThanOrEqual(8);
  await page.goto('/studies');
  const idField = page.getByRole('searchbox', { name: 'Patient ID' });
  for (const patient of DEMO_PATIENTS) {
    await idField.fill(patient.id);
    await expect(page).toHaveURL(new RegExp(`patientId=${patient.id}`));
    await answered(page);
    const expected = formatPersonName(parsePersonName(patient.name));
    const row = rows(page).filter({ hasText: patient.id }).filter({ hasText: expected });
    await expect(row.first(), `${patient.key} (${patient.charset})`).toBeVisible();
    if (patient.key === 'cohen')
      await page.screenshot({ path: 'test-results/screenshots/study-list-hebrew.png' });
  }
});

test('a partial name finds the patient whatever the case, the accents or the script', async ({ page }) => {
  await page.goto('/studies');
  const nameField = page.getByRole('searchbox', { name: 'Patient name' });
  const searches: Array<[typed: string, patients: string[]]> = [
    ['muller', ['mueller']], // Müller^Jürgen, and today's Muller^Jurgen typed at the modality
    ['JÜRG', ['mueller']],
    ['helene', ['dubois']], // Dubois^Hélène, and today's Dubios^Helene
    ['siobhán', ['obrien']],
    ['Παπαδ', ['papadopoulou']],
    ['山田', ['yamada']],
    ['김', ['kim']],
    ['כהן', ['cohen']],
  ];
  for (const [typed, patients] of searches) {
    await nameField.fill(typed);
    await answered(page);
    await expect.poll(() => shownUids(page), typed).toEqual(studiesOf(patients));
  }
  await page.screenshot({ path: 'test-results/screenshots/study-search-name.png' });

  // Nothing found is said in words, with a way out.
  await nameField.fill('zzyzx');
  await expect(page.getByText('No studies match patient name “zzyzx”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(nameField).toHaveValue('');
});

test('the study date filter finds today’s studies and those between two dates', async ({ page }) => {
  await page.goto('/studies');
  await page.getByRole('combobox', { name: 'Study date' }).selectOption('today');
  const today = demoIncoming(new Date()).map((s) => s.studyInstanceUID);
  // The page's first answer (every study) can still be on screen while the filtered search is on its
  // way: wait for today's studies and none of the archive's.
  await expect
    .poll(async () => {
      const shown = await shownUids(page);
      return {
        missingOfToday: today.filter((uid) => !shown.includes(uid)),
        olderShown: DEMO_STUDIES.map((s) => s.studyInstanceUID).filter((uid) => shown.includes(uid)),
      };
    })
    .toEqual({ missingOfToday: [], olderShown: [] });

  // One day of the archive's history, entered as a custom range.
  const day = demoStudyDate('mueller');
  await page.getByRole('combobox', { name: 'Study date' }).selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill(isoDay(day));
  await page.getByLabel('To', { exact: true }).fill(isoDay(day));
  await expect(page).toHaveURL(new RegExp(`from=${isoDay(day)}&to=${isoDay(day)}`));
  await answered(page);
  await expect
    .poll(() => shownUids(page))
    .toEqual(
      DEMO_STUDIES.filter((s) => s.date === day)
        .map((s) => s.studyInstanceUID)
        .sort(),
    );
  await page.screenshot({ path: 'test-results/screenshots/study-search-dates.png' });
});

test('columns sort on a click, the sort and the filters stay in the address, and Back returns to them', async ({
  page,
}) => {
  await page.goto('/studies');
  await answered(page);
  const names = () =>
    page
      .locator('[data-study-uid] .study-table__name')
      .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

  await page.getByRole('button', { name: 'Patient name', exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole('columnheader', { name: 'Patient name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const ascending = await names();
  expect(ascending.length).toBeGreaterThan(5);
  expect(ascending).toEqual([...ascending].sort(collator.compare));

  await page.getByRole('button', { name: 'Patient name', exact: true }).click();
  await expect(page).toHaveURL(/sort=-name/);
  const descending = await names();
  expect(descending).toEqual([...descending].sort((a, b) => collator.compare(b, a)));

  // Opening a study and coming back keeps the list as it was.
  await page.getByRole('searchbox', { name: 'Patient name' }).fill('muller');
  await answered(page);
  await rows(page).first().click();
  await expect(page).toHaveURL(/\/viewer\?/);
  await page.goBack();
  await expect(page).toHaveURL(/patientName=muller.*sort=-name|sort=-name.*patientName=muller/);
  await expect(page.getByRole('searchbox', { name: 'Patient name' })).toHaveValue('muller');
  await expect.poll(() => shownUids(page)).toEqual(studiesOf(['mueller']));
});

test('a large answer comes in pages (QIDO-RS limit and offset) until the archive has no more', async ({
  page,
}) => {
  // A gateway whose runtime config asks for the smallest page the config allows.
  const dir = mkdtempSync(join(tmpdir(), 'fovea-config-'));
  const appConfig = JSON.parse(readFileSync(join(ROOT, 'public', 'config.json'), 'utf8'));
  appConfig.studyList.maxResults = 10;
  writeFileSync(join(dir, 'config.json'), JSON.stringify(appConfig));
  const config = readGatewayConfig({
    FOVEA_PORT: String(await freePort()),
    FOVEA_PACS_URL: `${process.env.FOVEA_E2E_ORTHANC_URL}/dicom-web`,
    FOVEA_PACS_AUTHORIZATION: process.env.FOVEA_E2E_ORTHANC_AUTHORIZATION,
    FOVEA_APP_DIR: join(ROOT, 'dist'),
    FOVEA_APP_CONFIG: join(dir, 'config.json'),
    FOVEA_LOG_LEVEL: 'silent',
  });
  const gateway = await buildGateway(config);
  const url = await listen(gateway, config);
  try {
    // A short window, so that the list is longer than what it shows.
    await page.setViewportSize({ width: 1280, height: 600 });
    const all = (await (await page.request.get(`${url}/dicom-web/studies`)).json()) as unknown[];
    expect(all.length).toBeGreaterThan(20);

    await page.goto(`${url}/studies`);
    const table = page.locator('table.study-table');
    await expect(table).toHaveAttribute('aria-rowcount', String(10 + 1));
    await expect(page.locator('.page__summary')).toHaveText(/Showing the first 10 studies/);
    const more = page.getByRole('button', { name: /Show the next 10 studies/ });
    let loaded = 10;
    while (loaded < all.length) {
      await more.click();
      loaded = Math.min(all.length, loaded + 10);
      await expect(table).toHaveAttribute('aria-rowcount', String(loaded + 1));
    }
    // The archive may need one more request to say it has no more; then the button goes.
    if (await more.isVisible()) await more.click();
    await expect(more).toHaveCount(0);
    await expect(page.locator('.page__summary')).toHaveText(`${all.length} studies`);

    // Rows are drawn as they scroll into view, not all at once.
    expect(await rows(page).count()).toBeLessThan(all.length);
    await page.locator('.study-table__scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(rows(page).last()).toHaveAttribute('aria-rowindex', String(all.length + 1));
    await page.screenshot({ path: 'test-results/screenshots/study-list-pages.png' });
  } finally {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function demoStudyDate(patientKey: string): string {
  const study = DEMO_STUDIES.find((s) => s.patient === demoPatient(patientKey).key);
  if (!study) throw new Error(`No demo study of ${patientKey}`);
  return study.date;
}

const isoDay = (da: string) => `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`;
