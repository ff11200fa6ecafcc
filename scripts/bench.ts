// `npm run bench [-- --peer ohif] [-- --runs N]`: Fovea's speed on the demo CT, against the floor
// (what any viewer must do) and optionally against OHIF, measured in the same run on a private stack.
// Prints a table and writes bench/results.json. See README "Performance" and bench/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CT } from '../demo';
import { startPrivateStack } from '../e2e/harness';
import { FOVEA, OHIF, type ViewerApp } from '../bench/apps';
import { withColdPage } from '../bench/browser';
import { timeToFirstImage } from '../bench/firstImage';
import { floorPath, serveFloorPage } from '../bench/floor';
import { machineInfo } from '../bench/machine';
import { measureMemory } from '../bench/memory';
import { startOhif, type RunningPeer } from '../bench/peers/ohif';
import {
  pageFrameThroughput,
  pageSeriesAnswerThroughput,
  type PageThroughput,
} from '../bench/pageThroughput';
import { rawFrameThroughput, type RawThroughput } from '../bench/rawThroughput';
import {
  formatReport,
  ratiosOf,
  targetsOf,
  type AppFigures,
  type BenchResults,
  type PeerResult,
} from '../bench/report';
import { measureRoutePayload } from '../bench/routePayload';
import { measureScroll } from '../bench/scroll';
import { fetchSeriesFrames } from '../bench/series';
import { summarize } from '../bench/stats';
import { measureWholeSeries, medianWholeSeries, type WholeSeries } from '../bench/wholeSeries';
import { WORKLIST_ROWS, measureWorklist } from '../bench/worklist';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { peer: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number ≥ 1, got ${values.runs}`);
if (values.peer !== undefined && values.peer !== 'ohif')
  throw new Error(`--peer knows only "ohif", got "${values.peer}"`);

const SCREENSHOTS = join(ROOT, 'test-results', 'bench');
const log = (line: string) => console.info(`[bench] ${line}`);
const study = DEMO_CT.studyInstanceUID;
const series = DEMO_CT.seriesInstanceUID;

/** The whole series in a cold browser, and nothing else. */
function coldWholeSeries(app: ViewerApp, origin: string, images: number, pixelBytes: number) {
  return withColdPage((page) =>
    measureWholeSeries(page, app, origin + app.viewerPath(study), images, pixelBytes),
  );
}

const logWholeSeries = (app: ViewerApp, figures: WholeSeries) =>
  log(`${app.name}: whole series in ${Math.round(figures.ms)} ms (${figures.mbPerS.toFixed(1)} MB/s)`);

/**
 * Whole series once more, then memory at rest, then scrolling through it — one cold browser; the
 * whole-series figures are the median of this load and `earlier` ones.
 */
function measureLoadedSeries(
  app: ViewerApp,
  origin: string,
  images: number,
  pixelBytes: number,
  earlier: readonly WholeSeries[],
) {
  return withColdPage(async (page) => {
    const last = await measureWholeSeries(page, app, origin + app.viewerPath(study), images, pixelBytes);
    logWholeSeries(app, last);
    const wholeSeries = medianWholeSeries([...earlier, last], pixelBytes);
    // What was measured, to look at: the loaded viewer before and after scrolling.
    await page.screenshot({ path: join(SCREENSHOTS, `${app.name.toLowerCase()}-loaded.png`) });
    await page.waitForTimeout(1000);
    const memory = await measureMemory(page, app, pixelBytes);
    await app.beforeInput?.(page);
    const scroll = await measureScroll(page, images);
    await page.screenshot({ path: join(SCREENSHOTS, `${app.name.toLowerCase()}-scrolled.png`) });
    log(`${app.name}: scroll ${scroll.fps.toFixed(1)} fps, ${scroll.droppedFrames} dropped`);
    return { wholeSeries, memory, scroll };
  });
}

mkdirSync(SCREENSHOTS, { recursive: true });
// The gateway in a process of its own, as deployed: this process drives the browser and fetches the raw
// frames, which would otherwise hold up the answers the gateway passes on.
const stack = await startPrivateStack(log, { gateway: 'own' });
let peer: RunningPeer | undefined;
try {
  let peerError: string | undefined;
  if (values.peer === 'ohif') {
    try {
      peer = await startOhif(stack, join(ROOT, '.fovea', 'bench', 'peers'), log);
      log(`OHIF ${peer.version} at ${peer.url}`);
    } catch (error) {
      peerError = (error as Error).message;
      log(`OHIF cannot be measured: ${peerError}`);
    }
  }
  const machine = await machineInfo();
  const dicomWeb = `${stack.url}/dicom-web`;
  const frames = await fetchSeriesFrames(dicomWeb, study, series);
  const images = frames.framePaths.length;

  log(`Raw WADO-RS frame throughput from Node (${runs} runs, after one not counted)…`);
  // Not counted: the first pass through the gateway and the archive runs their code cold (the JIT) and
  // came out at half the later runs' speed; every figure after it meets them warm.
  await rawFrameThroughput(dicomWeb, frames);
  const rawRuns: RawThroughput[] = [];
  for (let i = 0; i < runs; i++) rawRuns.push(await rawFrameThroughput(dicomWeb, frames));
  log(`The same frames fetched by a blank page in Chromium (${runs} cold runs)…`);
  const pageRuns: PageThroughput[] = [];
  for (let i = 0; i < runs; i++) pageRuns.push(await pageFrameThroughput(stack.url, '/dicom-web', frames));
  log(`The whole series in one answer, read by a blank page (${runs} cold runs)…`);
  const oneAnswerRuns: PageThroughput[] = [];
  for (let i = 0; i < runs; i++)
    oneAnswerRuns.push(
      await pageSeriesAnswerThroughput(
        stack.url,
        `/dicom-web/studies/${study}/series/${series}`,
        frames.pixelBytes,
      ),
    );

  log(`Time to first image, ${runs} cold runs each, interleaved…`);
  const firstImage: Record<string, number[]> = { fovea: [], floor: [], peer: [] };
  for (let i = 0; i < runs; i++) {
    firstImage.fovea!.push(await timeToFirstImage(stack.url + FOVEA.viewerPath(study)));
    firstImage.floor!.push(
      await timeToFirstImage(stack.url + floorPath(study, series), (page) => serveFloorPage(page, stack.url)),
    );
    if (peer) firstImage.peer!.push(await timeToFirstImage(peer.url + OHIF.viewerPath(study)));
    log(
      `run ${i + 1}: Fovea ${Math.round(firstImage.fovea!.at(-1)!)} ms, floor ${Math.round(firstImage.floor!.at(-1)!)} ms` +
        (peer ? `, OHIF ${Math.round(firstImage.peer!.at(-1)!)} ms` : ''),
    );
  }

  // The whole series is a single load's figure in each of these; its median over the runs, the apps in
  // turn like the first image's runs, so that neither meets a quieter machine than the other.
  log(`Whole series, ${runs} cold runs each, interleaved…`);
  const seriesRuns: { fovea: WholeSeries[]; peer: WholeSeries[] } = { fovea: [], peer: [] };
  let peerSeriesError: string | undefined;
  for (let i = 1; i < runs; i++) {
    seriesRuns.fovea.push(await coldWholeSeries(FOVEA, stack.url, images, frames.pixelBytes));
    logWholeSeries(FOVEA, seriesRuns.fovea.at(-1)!);
    if (!peer || peerSeriesError) continue;
    try {
      seriesRuns.peer.push(await coldWholeSeries(OHIF, peer.url, images, frames.pixelBytes));
      logWholeSeries(OHIF, seriesRuns.peer.at(-1)!);
    } catch (error) {
      peerSeriesError = (error as Error).message;
    }
  }
  const fovea: AppFigures = {
    firstImageMs: summarize(firstImage.fovea!),
    ...(await measureLoadedSeries(FOVEA, stack.url, images, frames.pixelBytes, seriesRuns.fovea)),
  };
  let peerResult: PeerResult | undefined;
  if (peer && peerSeriesError) {
    peerResult = { name: peer.name, error: peerSeriesError };
  } else if (peer) {
    try {
      peerResult = {
        name: peer.name,
        version: peer.version,
        notes: peer.notes,
        figures: {
          firstImageMs: summarize(firstImage.peer!),
          ...(await measureLoadedSeries(OHIF, peer.url, images, frames.pixelBytes, seriesRuns.peer)),
        },
      };
    } catch (error) {
      peerResult = { name: peer.name, error: (error as Error).message };
    }
  } else if (peerError) {
    peerResult = { name: 'OHIF', error: peerError };
  }

  log('Payload of / and of the viewer route…');
  const payload = {
    landing: await measureRoutePayload(`${stack.url}/`, 'worklist-shown'),
    viewer: await measureRoutePayload(stack.url + FOVEA.viewerPath(study), 'viewer-ready'),
  };
  log(`Worklist of ${WORKLIST_ROWS} procedures…`);
  const worklist = await measureWorklist(stack.url, stack.orthanc.worklistDir);

  const floor = { firstImageMs: summarize(firstImage.floor!) };
  const raw = { mbPerS: summarize(rawRuns.map((r) => r.mbPerS)), runs: rawRuns };
  const pageRaw = { mbPerS: summarize(pageRuns.map((r) => r.mbPerS)), runs: pageRuns };
  const pageOneAnswer = { mbPerS: summarize(oneAnswerRuns.map((r) => r.mbPerS)), runs: oneAnswerRuns };
  const partial: Omit<BenchResults, 'targets'> = {
    at: new Date().toISOString(),
    machine,
    series: { studyInstanceUid: study, seriesInstanceUid: series, images, pixelBytes: frames.pixelBytes },
    fovea,
    floor,
    raw,
    pageRaw,
    pageOneAnswer,
    ...(peerResult ? { peer: peerResult } : {}),
    payload,
    worklist,
    ratios: ratiosOf(
      fovea,
      floor,
      raw,
      pageRaw,
      pageOneAnswer,
      peerResult && 'figures' in peerResult ? peerResult.figures : undefined,
    ),
  };
  const results: BenchResults = { ...partial, targets: targetsOf(partial) };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.info(`\n${formatReport(results)}\n\nWritten to bench/results.json`);
} finally {
  await peer?.stop();
  await stack.stop();
}
