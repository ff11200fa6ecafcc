import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATOR_VERSION } from './catalog';
import { codecInstanceUid, DEMO_CODEC_STUDY, DEMO_TRANSFER_SYNTAXES } from './catalog/codecs';
import { writeTranscoded } from './codecs';
import { part10 } from './dicom/writer';
import { archiveInstances, codecSources, incomingInstances, type NamedDataset } from './instances/archive';
import type { SeriesContext } from './instances/common';
import { dicomDate } from './uids';

export interface DemoInstances {
  /** Absolute paths of every Part-10 file to store: the static archive and today's incoming studies. */
  files: string[];
  /** The part of `files` dated today (incoming results for today's orders); a new day brings new ones. */
  todayFiles: string[];
}

type Log = (line: string) => void;

/** Tools run at most this many at a time (the demo is built on small machines too). */
const TOOL_PARALLELISM = 2;
const MARKER = 'complete.json';

interface Marker {
  version: number;
  files: string[];
}

/** Runs jobs, at most `width` at a time, and returns their results in order. */
async function inParallel<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}

/** The codec reference study: every (transfer syntax, image) pair of the catalog, encoded and checked. */
function codecJobs(dir: string, log: Log): Array<() => Promise<string>> {
  const source = codecSources();
  return DEMO_TRANSFER_SYNTAXES.flatMap((syntax) =>
    syntax.images.map((image) => async () => {
      const name = join(
        DEMO_CODEC_STUDY.key,
        `s${String(syntax.seriesNumber).padStart(3, '0')}-${image}.dcm`,
      );
      const series: SeriesContext = {
        number: syntax.seriesNumber,
        seriesInstanceUID: syntax.seriesInstanceUID,
        modality: 'CT',
        description: syntax.name,
      };
      const check = await writeTranscoded(
        source(image, series, codecInstanceUid(syntax, image)),
        syntax,
        join(dir, name),
        dir,
      );
      if (syntax.lossy)
        log(`  ${syntax.name}, ${image}: mean error ${check.meanError}, largest ${check.maxError}`);
      return name;
    }),
  );
}

/** Reads a finished build's file list, or undefined if the directory is missing, partial or of another version. */
async function finished(dir: string): Promise<string[] | undefined> {
  try {
    const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Marker;
    return marker.version === GENERATOR_VERSION ? marker.files.map((name) => join(dir, name)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds into a private directory and renames it into place when complete, with the marker written
 * last, so that an interrupted or concurrent build never leaves a half-filled cache behind.
 */
async function buildOnce(dir: string, build: (into: string) => Promise<string[]>): Promise<string[]> {
  const done = await finished(dir);
  if (done) return done;
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  let names: string[];
  try {
    names = await build(partial);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  await writeFile(
    join(partial, MARKER),
    JSON.stringify({ version: GENERATOR_VERSION, files: names } satisfies Marker),
  );
  if (existsSync(dir)) {
    const other = await finished(dir);
    if (other) {
      await rm(partial, { recursive: true, force: true });
      return other;
    }
    await rm(dir, { recursive: true, force: true });
  }
  await rename(partial, dir);
  return names.map((name) => join(dir, name));
}

async function writeInstance(dir: string, { name, dataset }: NamedDataset): Promise<string> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), part10(dataset));
  return name;
}

async function buildStatic(dir: string, log: Log): Promise<string[]> {
  await mkdir(join(dir, DEMO_CODEC_STUDY.key), { recursive: true });
  // The codec tools run in the background while the rest of the archive is generated here.
  const codecs = inParallel(codecJobs(dir, log), TOOL_PARALLELISM);
  codecs.catch(() => {}); // awaited below; this only keeps an early failure from being unhandled
  const names: string[] = [];
  const done = (study: { description: string; patient: string }, count: number) =>
    log(`  ${study.description} (${study.patient}): ${count} instances`);
  // Each write yields to the event loop, so that finished codec jobs can start the next tool.
  for (const instance of archiveInstances(done)) names.push(await writeInstance(dir, instance));
  names.push(...(await codecs));
  log(
    `  CODEC REFERENCE (${DEMO_CODEC_STUDY.patient}): ${DEMO_TRANSFER_SYNTAXES.reduce((n, s) => n + s.images.length, 0)} instances`,
  );
  return names;
}

/**
 * Writes today's incoming studies into `dir` and returns the file names relative to it.
 */
export async function writeIncomingStudies(dir: string, today: Date): Promise<string[]> {
  const names: string[] = [];
  for (const instance of incomingInstances(today)) names.push(await writeInstance(dir, instance));
  return names;
}

/** Whether a process is still running (a build of another process may be under way). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes caches of other generator versions and of other days, which nothing reads any more, and
 * what builds that were interrupted left behind.
 */
async function removeStale(cacheDir: string, keep: string[]): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const partial = /\.partial-(\d+)$/.exec(name);
    if (partial) {
      if (!running(Number(partial[1]))) await rm(join(cacheDir, name), { recursive: true, force: true });
    } else if (!keep.includes(name) && (/^static-v\d+$/.test(name) || /^today-(v\d+-)?\d{8}$/.test(name)))
      await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Writes the demo data set as Part-10 files under `cacheDir` and returns their paths. The static part
 * (`static-v<GENERATOR_VERSION>/`) is built once and reused; the part dated today (`today-YYYYMMDD/`)
 * once a day.
 */
export async function buildDemoInstances(options: {
  cacheDir: string;
  today: Date;
  log?: Log;
}): Promise<DemoInstances> {
  const log = options.log ?? (() => {});
  const staticName = `static-v${GENERATOR_VERSION}`;
  const todayName = `today-${dicomDate(options.today)}`;
  await mkdir(options.cacheDir, { recursive: true });
  await removeStale(options.cacheDir, [staticName, todayName]);
  const files = await buildOnce(join(options.cacheDir, staticName), (dir) => {
    log(`Generating the demo archive in ${join(options.cacheDir, staticName)}…`);
    return buildStatic(dir, log);
  });
  const todayFiles = await buildOnce(join(options.cacheDir, todayName), (dir) =>
    writeIncomingStudies(dir, options.today),
  );
  return { files: [...files, ...todayFiles], todayFiles };
}
