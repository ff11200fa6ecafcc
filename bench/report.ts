import type { ScrollFigures } from './frames';
import type { MachineInfo } from './machine';
import type { MemoryFigures } from './memory';
import type { PageThroughput } from './pageThroughput';
import type { RawThroughput } from './rawThroughput';
import type { RoutePayload } from './routePayload';
import { ratio, type Sample } from './stats';
import { evaluateTargets, type TargetResult } from './targets';
import type { WholeSeries } from './wholeSeries';
import type { WorklistFigures } from './worklist';

/** What one viewer app measured in this run. */
export interface AppFigures {
  firstImageMs: Sample;
  wholeSeries: WholeSeries;
  scroll: ScrollFigures;
  memory: MemoryFigures;
}

export type PeerResult =
  { name: string; version: string; figures: AppFigures; notes: string[] } | { name: string; error: string };

export interface Ratios {
  firstImageVsFloor?: number;
  firstImageVsPeer?: number;
  seriesThroughputVsRaw?: number;
  /** Not a target: how the whole series compares with what a blank page takes in (pageThroughput.ts). */
  seriesThroughputVsPageRaw?: number;
  /** Not a target: the whole series against a blank page reading the series' one answer, nothing else. */
  seriesThroughputVsPageOneAnswer?: number;
  /** Not a target: that blank page against the raw figure — what the browser's own path leaves. */
  pageOneAnswerVsRaw?: number;
  seriesThroughputVsPeer?: number;
  scrollFpsVsPeer?: number;
}

/** Everything `npm run bench` writes to bench/results.json. */
export interface BenchResults {
  at: string;
  machine: MachineInfo;
  series: { studyInstanceUid: string; seriesInstanceUid: string; images: number; pixelBytes: number };
  fovea: AppFigures;
  floor: { firstImageMs: Sample };
  raw: { mbPerS: Sample; runs: RawThroughput[] };
  pageRaw: { mbPerS: Sample; runs: PageThroughput[] };
  pageOneAnswer: { mbPerS: Sample; runs: PageThroughput[] };
  peer?: PeerResult;
  payload: { landing: RoutePayload; viewer: RoutePayload };
  worklist: WorklistFigures;
  ratios: Ratios;
  targets: TargetResult[];
}

export function ratiosOf(
  fovea: AppFigures,
  floor: { firstImageMs: Sample },
  raw: { mbPerS: Sample },
  pageRaw: { mbPerS: Sample },
  pageOneAnswer: { mbPerS: Sample },
  peer: AppFigures | undefined,
): Ratios {
  return {
    firstImageVsFloor: ratio(fovea.firstImageMs.median, floor.firstImageMs.median),
    firstImageVsPeer: ratio(fovea.firstImageMs.median, peer?.firstImageMs.median),
    seriesThroughputVsRaw: ratio(fovea.wholeSeries.mbPerS, raw.mbPerS.median),
    seriesThroughputVsPageRaw: ratio(fovea.wholeSeries.mbPerS, pageRaw.mbPerS.median),
    seriesThroughputVsPageOneAnswer: ratio(fovea.wholeSeries.mbPerS, pageOneAnswer.mbPerS.median),
    pageOneAnswerVsRaw: ratio(pageOneAnswer.mbPerS.median, raw.mbPerS.median),
    seriesThroughputVsPeer: ratio(fovea.wholeSeries.mbPerS, peer?.wholeSeries.mbPerS),
    scrollFpsVsPeer: ratio(fovea.scroll.fps, peer?.scroll.fps),
  };
}

export function targetsOf(results: Omit<BenchResults, 'targets'>): TargetResult[] {
  const { ratios, peer, worklist } = results;
  return evaluateTargets({
    ...ratios,
    scrollFps: results.fovea.scroll.fps,
    landingJsGzipBytes: results.payload.landing.gzipBytes,
    viewerJsGzipBytesWithoutCodecs: results.payload.viewer.gzipBytesWithoutCodecs,
    memoryVsPixelBytes: results.fovea.memory.ratio,
    ...(worklist.measured
      ? { worklistFirstRenderMs: worklist.firstRenderMs, worklistFilterMs: worklist.filterMs }
      : { worklistMissing: worklist.reason }),
    peerMissing:
      peer === undefined
        ? undefined
        : 'error' in peer
          ? `${peer.name}: ${peer.error}`
          : `${peer.name}'s figure is zero or missing`,
  });
}

/** Pads columns to their widest cell; the first column left-aligned, the others right-aligned. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);
const times = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const mbps = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} MB/s`);
const fps = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} fps`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The figures as printed: one row per measurement, Fovea beside its references and the ratios. */
export function figureRows(results: BenchResults): string[][] {
  const { fovea, floor, raw, pageRaw, pageOneAnswer, ratios, payload, worklist } = results;
  const peer = results.peer && 'figures' in results.peer ? results.peer.figures : undefined;
  const peerName = results.peer?.name ?? 'OHIF';
  const runs = fovea.firstImageMs.runs.length;
  return [
    [
      `1 Time to first image (median of ${runs})`,
      ms(fovea.firstImageMs.median),
      `floor ${ms(floor.firstImageMs.median)}`,
      `${times(ratios.firstImageVsFloor)} floor`,
      ms(peer?.firstImageMs.median),
      times(ratios.firstImageVsPeer),
    ],
    [
      `3 Whole series decoded + cached (median of ${fovea.wholeSeries.runsMs?.length ?? 1})`,
      `${ms(fovea.wholeSeries.ms)}, ${mbps(fovea.wholeSeries.mbPerS)}`,
      `raw ${mbps(raw.mbPerS.median)}`,
      `${times(ratios.seriesThroughputVsRaw)} raw`,
      peer ? `${ms(peer.wholeSeries.ms)}, ${mbps(peer.wholeSeries.mbPerS)}` : '–',
      times(ratios.seriesThroughputVsPeer),
    ],
    [
      '3 … frames fetched by a blank page',
      '',
      `page ${mbps(pageRaw.mbPerS.median)}`,
      `${times(ratios.seriesThroughputVsPageRaw)} page`,
      '',
      '',
    ],
    [
      '3 … the series in one answer, blank page',
      '',
      `page ${mbps(pageOneAnswer.mbPerS.median)} (${times(ratios.pageOneAnswerVsRaw)} raw)`,
      `${times(ratios.seriesThroughputVsPageOneAnswer)} page`,
      '',
      '',
    ],
    [
      '4 Scroll (wheel, cached series)',
      `${fps(fovea.scroll.fps)}, ${fovea.scroll.droppedFrames} dropped`,
      `${fovea.scroll.steps} steps`,
      '',
      peer ? `${fps(peer.scroll.fps)}, ${peer.scroll.droppedFrames} dropped` : '–',
      times(ratios.scrollFpsVsPeer),
    ],
    [
      `5 Payload ${payload.landing.finalPath} (from /), JS+CSS gzip`,
      kB(payload.landing.gzipBytes),
      `${payload.landing.files} files`,
      payload.landing.codecFiles.length ? `codecs: ${payload.landing.codecFiles.length}` : 'no codecs',
      '',
      '',
    ],
    [
      '5 Payload viewer, JS+CSS gzip w/o codecs',
      MB(payload.viewer.gzipBytesWithoutCodecs),
      `${payload.viewer.files} files`,
      payload.viewer.codecFiles.length ? `codecs ${kB(payload.viewer.codecGzipBytes)}` : 'no codecs',
      '',
      '',
    ],
    [
      '6 Memory: JS heap + array buffers',
      MB(fovea.memory.jsHeapBytes + fovea.memory.arrayBufferBytes),
      `pixels ${MB(fovea.memory.pixelBytes)}`,
      `${times(fovea.memory.ratio)} pixels`,
      peer
        ? `${MB(peer.memory.jsHeapBytes + peer.memory.arrayBufferBytes)} (${times(peer.memory.ratio)})`
        : '–',
      '',
    ],
    [
      '7 Worklist, 5,000 rows',
      worklist.measured
        ? `${ms(worklist.firstRenderMs)} / ${ms(worklist.filterMs)}`
        : `not measured: ${worklist.reason}`,
      '',
      '',
      '',
      '',
    ],
  ].map((row) => row.map((cell) => cell.replace('OHIF', peerName)));
}

export function targetRows(targets: readonly TargetResult[]): string[][] {
  return targets.map((t) => [
    t.target,
    t.value === undefined ? '–' : `${Number(t.value.toFixed(2))} ${t.unit}`.trim(),
    `${t.comparison} ${t.limit} ${t.unit}`.trim(),
    t.met === undefined ? `not measured: ${t.reason}` : t.met ? 'met' : 'MISSED',
  ]);
}

export function formatReport(results: BenchResults): string {
  const { machine } = results;
  const peerName = results.peer?.name ?? 'OHIF';
  return [
    `Fovea bench — ${results.at}, commit ${machine.commit}${machine.dirty ? ' (with uncommitted changes)' : ''}`,
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Chromium ${machine.chromium}; Node ${machine.node}`,
    `Series: ${results.series.images} images, ${MB(results.series.pixelBytes)} decoded`,
    results.peer && 'error' in results.peer
      ? `Peer ${results.peer.name} not measured: ${results.peer.error}`
      : '',
    '',
    formatTable(
      ['Measurement', 'Fovea', 'Reference', 'Fovea/ref', peerName, `Fovea/${peerName}`],
      figureRows(results),
    ),
    '',
    formatTable(['Target', 'Value', 'Limit', 'Result'], targetRows(results.targets)),
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
