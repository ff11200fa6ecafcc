/** A target from issue #6 / DESIGN §8, checked against a figure measured in the same run. */
export interface TargetResult {
  target: string;
  /** The measured figure or ratio; undefined when it could not be measured in this run. */
  value: number | undefined;
  comparison: '<=' | '>=';
  limit: number;
  unit: string;
  /** undefined: not measured (see `reason`). */
  met: boolean | undefined;
  reason?: string;
}

export function checkTarget(
  target: string,
  value: number | undefined,
  comparison: '<=' | '>=',
  limit: number,
  unit = '×',
  reasonWhenMissing = 'not measured in this run',
): TargetResult {
  if (value === undefined || !Number.isFinite(value)) {
    return { target, value: undefined, comparison, limit, unit, met: undefined, reason: reasonWhenMissing };
  }
  const met = comparison === '<=' ? value <= limit : value >= limit;
  return { target, value, comparison, limit, unit, met };
}

/** The figures the targets are checked against; each may be missing (no peer run, no worklist page). */
export interface TargetInputs {
  firstImageVsPeer?: number;
  firstImageVsFloor?: number;
  seriesThroughputVsPeer?: number;
  seriesThroughputVsRaw?: number;
  scrollFpsVsPeer?: number;
  scrollFps?: number;
  landingJsGzipBytes?: number;
  viewerJsGzipBytesWithoutCodecs?: number;
  memoryVsPixelBytes?: number;
  worklistFirstRenderMs?: number;
  worklistFilterMs?: number;
  /** Why the peer figures are missing, when they are. */
  peerMissing?: string;
  worklistMissing?: string;
}

const KB = 1000;
const MB = 1000 * 1000;

/** Issue #6's targets, in its order. */
export function evaluateTargets(inputs: TargetInputs): TargetResult[] {
  const peer = inputs.peerMissing ?? 'no peer measured (run with --peer ohif)';
  const worklist = inputs.worklistMissing ?? 'worklist page not present';
  return [
    checkTarget('Time to first image vs OHIF', inputs.firstImageVsPeer, '<=', 0.25, '×', peer),
    checkTarget('Time to first image vs floor', inputs.firstImageVsFloor, '<=', 1.5),
    checkTarget('Whole-series throughput vs OHIF', inputs.seriesThroughputVsPeer, '>=', 2, '×', peer),
    checkTarget('Whole-series throughput vs raw WADO-RS', inputs.seriesThroughputVsRaw, '>=', 0.7),
    checkTarget('Scroll fps vs OHIF', inputs.scrollFpsVsPeer, '>=', 1, '×', peer),
    checkTarget('Scroll fps', inputs.scrollFps, '>=', 50, 'fps'),
    checkTarget(
      'Landing page (/) initial JS+CSS, gzip',
      inputs.landingJsGzipBytes === undefined ? undefined : inputs.landingJsGzipBytes / KB,
      '<=',
      250,
      'kB',
    ),
    checkTarget(
      'Viewer route JS+CSS without codecs, gzip',
      inputs.viewerJsGzipBytesWithoutCodecs === undefined
        ? undefined
        : inputs.viewerJsGzipBytesWithoutCodecs / MB,
      '<=',
      1.5,
      'MB',
    ),
    checkTarget('Memory vs decoded pixel bytes', inputs.memoryVsPixelBytes, '<=', 1.3),
    checkTarget('5,000-row worklist: first render', inputs.worklistFirstRenderMs, '<=', 300, 'ms', worklist),
    checkTarget('5,000-row worklist: filter keystroke', inputs.worklistFilterMs, '<=', 50, 'ms', worklist),
  ];
}
