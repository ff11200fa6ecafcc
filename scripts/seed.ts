// `npm run seed [-- --reset]`: stores the demo data set into the embedded Orthanc. Uses the running
// Orthanc of `npm start` when there is one, otherwise starts it for the time of seeding.
import { parseArgs } from 'node:util';
import { connectToRunningOrthanc, startOrthanc } from './lib/orthanc';
import { Supervisor } from './lib/processes';
import { seedDemo } from './lib/seed';
import { readStartSettings } from './lib/settings';

const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
const supervisor = new Supervisor();
try {
  const settings = readStartSettings(process.env);
  if (settings.externalPacsUrl)
    throw new Error('FOVEA_PACS_URL is set: demo data goes only into the embedded Orthanc.');
  const orthanc =
    (await connectToRunningOrthanc(settings.orthanc)) ?? (await startOrthanc(settings.orthanc, supervisor));
  const result = await seedDemo(orthanc, {
    cacheDir: settings.demoCacheDir,
    today: new Date(),
    reset: values.reset,
    log: (line) => console.info(line),
  });
  console.info(
    result.skipped
      ? `Demo data already stored (use --reset to rebuild it); today's worklist: ${result.worklistItems} procedures.`
      : `Stored ${result.stored} demo instances; today's worklist: ${result.worklistItems} procedures.`,
  );
  await supervisor.stopAll();
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  await supervisor.stopAll();
  process.exit(1);
}
