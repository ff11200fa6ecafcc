import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDemoInstances, writeWorklistFiles, DEMO_CT } from '../../demo';
import type { RunningOrthanc } from './orthanc';

export interface SeedOptions {
  cacheDir: string;
  today: Date;
  /** Deletes everything in the archive first and stores the demo data again. */
  reset?: boolean;
  log?: (line: string) => void;
}

export interface SeedResult {
  stored: number;
  skipped: boolean;
  worklistItems: number;
}

/**
 * Puts the demo data set into Orthanc once: today's worklist is rewritten every time (it is dated
 * today), the studies only when they are not there yet or when `reset` is asked for.
 */
export async function seedDemo(orthanc: RunningOrthanc, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const worklist = await writeWorklistFiles(orthanc.worklistDir, options.today);
  const marker = join(orthanc.worklistDir, '..', 'demo-seeded.json');

  if (options.reset) {
    log('Deleting every study in the demo archive…');
    await deleteEverything(orthanc);
  } else if (await isSeeded(orthanc, marker)) {
    // Today's incoming results belong to today's orders; a new day brings new ones.
    const { todayFiles } = await buildDemoInstances({
      cacheDir: options.cacheDir,
      today: options.today,
      log,
    });
    const todayMarker = join(
      orthanc.worklistDir,
      '..',
      `demo-today-${todayFiles.length}-${dayOf(options.today)}`,
    );
    if (existsSync(todayMarker)) return { stored: 0, skipped: true, worklistItems: worklist.length };
    await storeFiles(orthanc, todayFiles);
    writeFileSync(todayMarker, '');
    return { stored: todayFiles.length, skipped: false, worklistItems: worklist.length };
  }

  log('Preparing demo data (the first time takes a minute)…');
  const { files, todayFiles } = await buildDemoInstances({
    cacheDir: options.cacheDir,
    today: options.today,
    log,
  });
  log(`Storing ${files.length} demo instances into Orthanc…`);
  await storeFiles(orthanc, files);
  writeFileSync(marker, JSON.stringify({ instances: files.length, at: new Date().toISOString() }));
  writeFileSync(
    join(orthanc.worklistDir, '..', `demo-today-${todayFiles.length}-${dayOf(options.today)}`),
    '',
  );
  return { stored: files.length, skipped: false, worklistItems: worklist.length };
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

async function isSeeded(orthanc: RunningOrthanc, marker: string): Promise<boolean> {
  if (!existsSync(marker)) return false;
  const expected = (JSON.parse(readFileSync(marker, 'utf8')) as { instances: number }).instances;
  const stats = (await (await orthanc.rest('/statistics')).json()) as { CountInstances: number };
  const found = await orthanc.rest('/tools/find', {
    method: 'POST',
    body: JSON.stringify({ Level: 'Study', Query: { StudyInstanceUID: DEMO_CT.studyInstanceUID } }),
  });
  const studies = (await found.json()) as string[];
  return studies.length === 1 && stats.CountInstances >= expected;
}

async function deleteEverything(orthanc: RunningOrthanc): Promise<void> {
  const patients = (await (await orthanc.rest('/patients')).json()) as string[];
  for (const id of patients) {
    const response = await orthanc.rest(`/patients/${id}`, { method: 'DELETE' });
    if (!response.ok) throw new Error(`Orthanc refused to delete patient ${id}: HTTP ${response.status}`);
  }
}

/** Stores Part-10 files through Orthanc's REST API, a few at a time. */
export async function storeFiles(orthanc: RunningOrthanc, files: string[], parallel = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const response = await orthanc.rest('/instances', {
        method: 'POST',
        headers: { 'content-type': 'application/dicom' },
        body: await readFile(file),
      });
      if (!response.ok) {
        throw new Error(`Orthanc rejected ${file}: HTTP ${response.status} ${await response.text()}`);
      }
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
}
