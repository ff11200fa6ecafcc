import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoOrders, type DemoOrder } from '../demo';
import { part10 } from '../demo/dicom/writer';
import { demoUid } from '../demo/uids';
import { worklistItem } from '../demo/worklist';
import { withColdPage } from './browser';
import { median } from './stats';

export type WorklistFigures =
  | { measured: true; rows: number; firstRenderMs: number; filterMs: number; filterRuns: number[] }
  | { measured: false; reason: string };

/** How many scheduled procedures the busy day holds (issue #6, item 7). */
export const WORKLIST_ROWS = 5000;
/** A day of its own, so that the demo's orders of today are not mixed in. */
const BUSY_DAY = new Date(2027, 0, 4);
const FILE_PREFIX = 'bench-';
const KEYSTROKES = 10;

/**
 * Orders for the busy day: the demo's procedures over and over, each with its own accession, patient ID
 * and UIDs, spread from 07:00 to 19:00.
 */
export function busyDayOrders(count: number, day: Date = BUSY_DAY): DemoOrder[] {
  const templates = demoOrders(day);
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length]!;
    const n = String(i + 1).padStart(5, '0');
    const minutes = 7 * 60 + Math.floor((i * 12 * 60) / count);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}00`;
    return {
      ...template,
      patient: { ...template.patient, id: `FOVB${n}` },
      accessionNumber: `B${template.date}-${n}`,
      studyInstanceUID: demoUid(`bench/order/${n}`),
      requestedProcedureId: `RPB${n}`,
      stepId: `SPSB${n}`,
      time,
    };
  });
}

/** Writes the busy day into a worklist folder (Orthanc's worklist plugin serves it); returns a clean-up. */
export function writeBusyDay(worklistDir: string, count = WORKLIST_ROWS): () => void {
  mkdirSync(worklistDir, { recursive: true });
  for (const order of busyDayOrders(count)) {
    writeFileSync(
      join(worklistDir, `${FILE_PREFIX}${order.accessionNumber}.wl`),
      part10(worklistItem(order)),
    );
  }
  return () => {
    for (const name of readdirSync(worklistDir))
      if (name.startsWith(FILE_PREFIX)) rmSync(join(worklistDir, name), { force: true });
  };
}

/**
 * Installed before the page's own scripts (as text: a function would be rewritten by the TypeScript
 * runner). Marks when the first row appears, and for each keystroke when the list's count ("N of 5000
 * procedures", rendered with the list) shows the result.
 */
const MARKS_SCRIPT = `
(() => {
  const marks = { firstRowAt: 0, keyAt: 0, changedAt: 0 };
  window.benchWorklist = marks;
  const summary = () => document.querySelector('.page__summary')?.textContent ?? '';
  new MutationObserver(() => {
    if (!marks.firstRowAt && document.querySelector('[data-testid="worklist"] [data-workitem-uid]'))
      marks.firstRowAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('keydown', () => {
    marks.keyAt = performance.now();
    marks.changedAt = 0;
    const before = summary();
    const watch = new MutationObserver(() => {
      if (summary() === before) return;
      marks.changedAt = performance.now();
      watch.disconnect();
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, true);
})();
`;

/** The day as the worklist page's address gives it (yyyy-mm-dd). */
const isoDay = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

/**
 * The worklist page with the busy day: (1) first render = from the workitem search's last byte to the
 * first row in the DOM; (2) filter = from a keystroke in the free-text filter to the list and its count
 * showing the result, for a letter that narrows the list and the Backspace that widens it (median).
 */
export async function measureWorklist(
  origin: string,
  worklistDir: string,
  rows = WORKLIST_ROWS,
): Promise<WorklistFigures> {
  const cleanUp = writeBusyDay(worklistDir, rows);
  try {
    return await withColdPage(async (page) => {
      await page.addInitScript({ content: MARKS_SCRIPT });
      await page.goto(`${origin}/?date=${isoDay(BUSY_DAY)}`);
      const summary = page.locator('.page__summary');
      await summary.filter({ hasText: `${rows} procedures` }).waitFor({ timeout: 120_000 });
      const firstRenderMs = await page.evaluate(() => {
        const marks = (window as unknown as { benchWorklist: { firstRowAt: number } }).benchWorklist;
        const search = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/dicom-web/workitems'))
          .at(-1) as PerformanceResourceTiming | undefined;
        return search ? marks.firstRowAt - search.responseEnd : Number.NaN;
      });

      const field = page.getByRole('searchbox', { name: 'Patient, ID or accession' });
      await field.click();
      const filterRuns: number[] = [];
      for (let i = 0; i < KEYSTROKES; i++) {
        await page.keyboard.press(i % 2 === 0 ? 'k' : 'Backspace');
        await page.waitForFunction(
          () => (window as unknown as { benchWorklist: { changedAt: number } }).benchWorklist.changedAt > 0,
        );
        filterRuns.push(
          await page.evaluate(() => {
            const marks = (window as unknown as { benchWorklist: { keyAt: number; changedAt: number } })
              .benchWorklist;
            return marks.changedAt - marks.keyAt;
          }),
        );
        await page.waitForTimeout(150);
      }
      return {
        measured: true as const,
        rows,
        firstRenderMs,
        filterMs: median(filterRuns),
        filterRuns,
      };
    });
  } catch (error) {
    return { measured: false, reason: `the worklist could not be measured: ${(error as Error).message}` };
  } finally {
    cleanUp();
  }
}
