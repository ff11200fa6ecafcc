import { useId, type ReactNode } from 'react';
import { formatDate, formatPersonName, formatTime } from '../../dicom';
import {
  apostilbs,
  formatDuration,
  formatNumber,
  greyScaleRuns,
  GREY_STEPS_DB,
  greyTone,
  hasLowReliability,
  mapGeometry,
  probabilityText,
  reliabilityText,
  symbolLevel,
  testName,
  thresholdText,
  type MapGeometry,
} from './layout';
import {
  PROBABILITY_LEVELS,
  type Deviation,
  type ProbabilityLevel,
  type VisualFieldTest,
} from './visualField';

const WIDTH = 760;
const HEIGHT = 1130;
const MAP_WIDTH = 330;
const MAP_HEIGHT = 240;
const COLUMNS = [195, 565];
const ROWS = [330, 615, 900];
const NOT_RECORDED = 'not recorded';

export const eyeName = (eye: 'R' | 'L') => (eye === 'R' ? 'Right eye (OD)' : 'Left eye (OS)');

interface Props {
  test: VisualFieldTest;
  /** Lets an enclosing page tell the two eyes' SVGs apart (tests, PNG export). */
  id?: string;
}

/**
 * The single-field analysis printout of one eye, drawn from the OPV dataset alone: header, reliability,
 * threshold and grey-scale maps, total and pattern deviation with their probability symbols, global
 * indices. The field is plotted as the patient sees it, so the blind spot lies to the right for the
 * right eye and to the left for the left eye.
 */
export function SingleFieldAnalysis({ test, id }: Props) {
  const idBase = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const geometry = mapGeometry(test.points, MAP_WIDTH, MAP_HEIGHT);
  const symbolIds = Object.fromEntries(
    PROBABILITY_LEVELS.map((level) => [level, `${idBase}-p${String(level).replace('.', '_')}`]),
  ) as Record<ProbabilityLevel, string>;
  const [left, right] = COLUMNS as [number, number];
  const [top, middle, bottom] = ROWS as [number, number, number];

  return (
    <svg
      className="single-field"
      data-testid="single-field-analysis"
      data-eye={test.eye}
      data-sop-instance-uid={test.sopInstanceUid}
      id={id}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Single field analysis, ${eyeName(test.eye)}`}
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="'DejaVu Sans', Arial, Helvetica, sans-serif"
    >
      <SymbolPatterns ids={symbolIds} />
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#fff" />
      <Header test={test} />

      <MapPanel title="Threshold (dB)" kind="threshold" cx={left} cy={top} geometry={geometry} test={test}>
        {(at) => (
          <>
            {test.points.map((p, i) => (
              <ValueText
                key={i}
                at={at(p.x, p.y)}
                text={thresholdText(p, test.minimumSensitivityDb)}
                size={valueFontSize(geometry)}
              />
            ))}
            {test.blindSpot && inside(test.blindSpot, geometry) && (
              <BlindSpotMark at={at(test.blindSpot.x, test.blindSpot.y)} size={geometry.pixelsPerDegree} />
            )}
          </>
        )}
      </MapPanel>
      <MapPanel title="Grey scale" kind="greyscale" cx={right} cy={top} geometry={geometry} test={test} under>
        {(at) => (
          <>
            {greyScaleRuns(test.points, geometry).map((run, i) => {
              const corner = at(run.x, run.y);
              const level = Math.round(run.tone * 255);
              return (
                <rect
                  key={i}
                  x={corner.x}
                  y={corner.y}
                  width={run.widthDegrees * geometry.pixelsPerDegree + 0.3}
                  height={run.heightDegrees * geometry.pixelsPerDegree + 0.3}
                  fill={`rgb(${level},${level},${level})`}
                />
              );
            })}
            {test.blindSpot && inside(test.blindSpot, geometry) && (
              <ellipse
                data-blind-spot="greyscale"
                cx={at(test.blindSpot.x, test.blindSpot.y).x}
                cy={at(test.blindSpot.x, test.blindSpot.y).y}
                rx={2.5 * geometry.pixelsPerDegree}
                ry={3.5 * geometry.pixelsPerDegree}
                fill="#000"
              />
            )}
          </>
        )}
      </MapPanel>

      {DEVIATIONS.map(({ field, name, kind }, column) => (
        <DeviationMaps
          key={kind}
          name={name}
          kind={kind}
          field={field}
          cx={column === 0 ? left : right}
          numericY={middle}
          probabilityY={bottom}
          geometry={geometry}
          test={test}
          symbolIds={symbolIds}
        />
      ))}

      <Legends ids={symbolIds} y={bottom + MAP_HEIGHT / 2 + 34} />
      <GlobalIndices test={test} y={bottom + MAP_HEIGHT / 2 + 76} />
    </svg>
  );
}

/** Total deviation on the left, pattern deviation on the right, as a printout lays them out. */
const DEVIATIONS = [
  { field: 'totalDeviation', name: 'Total deviation', kind: 'total-deviation' },
  { field: 'patternDeviation', name: 'Pattern deviation', kind: 'pattern-deviation' },
] as const;

/** One deviation: its numeric map (dB) above its probability-symbol map. */
function DeviationMaps({
  name,
  kind,
  field,
  cx,
  numericY,
  probabilityY,
  geometry,
  test,
  symbolIds,
}: {
  name: string;
  kind: string;
  field: (typeof DEVIATIONS)[number]['field'];
  cx: number;
  numericY: number;
  probabilityY: number;
  geometry: MapGeometry;
  test: VisualFieldTest;
  symbolIds: Record<ProbabilityLevel, string>;
}) {
  return (
    <>
      <MapPanel title={`${name} (dB)`} kind={kind} cx={cx} cy={numericY} geometry={geometry} test={test}>
        {(at) =>
          test.points.map((p, i) => (
            <ValueText
              key={i}
              at={at(p.x, p.y)}
              text={deviationText(p[field])}
              size={valueFontSize(geometry)}
            />
          ))
        }
      </MapPanel>
      <MapPanel
        title={`${name} probability`}
        kind={`${kind}-probability`}
        cx={cx}
        cy={probabilityY}
        geometry={geometry}
        test={test}
      >
        {(at) =>
          test.points.map((p, i) => (
            <ProbabilitySymbol
              key={i}
              at={at(p.x, p.y)}
              deviation={p[field]}
              ids={symbolIds}
              size={symbolSize(geometry)}
            />
          ))
        }
      </MapPanel>
    </>
  );
}

type Project = (x: number, y: number) => { x: number; y: number };

const inside = (p: { x: number; y: number }, g: MapGeometry) =>
  Math.abs(p.x) <= g.halfWidthDegrees && Math.abs(p.y) <= g.halfHeightDegrees;

const symbolSize = (g: MapGeometry) => Math.min(15, g.gridStepDegrees * g.pixelsPerDegree * 0.55);

function deviationText(deviation: Deviation | undefined): string {
  return deviation ? formatNumber(Math.round(deviation.db), 0) : '';
}

/** Numbers as large as the grid allows: 11 px on the 24-2, smaller on the denser 10-2. */
const valueFontSize = (g: MapGeometry) => Math.min(11, (g.gridStepDegrees * g.pixelsPerDegree) / 2.6);

function ValueText({ at, text, size }: { at: { x: number; y: number }; text: string; size: number }) {
  if (!text) return null;
  return (
    <text
      className="single-field__value"
      x={at.x}
      y={at.y}
      fontSize={size}
      textAnchor="middle"
      dominantBaseline="central"
    >
      {text}
    </text>
  );
}

/** The blind spot on the threshold map: a small filled triangle, as the printouts mark it. */
function BlindSpotMark({ at, size }: { at: { x: number; y: number }; size: number }) {
  const s = Math.max(3.5, Math.min(4.5, size * 0.9));
  return (
    <path
      data-blind-spot="threshold"
      d={`M ${at.x} ${at.y - s} L ${at.x + s} ${at.y + s * 0.7} L ${at.x - s} ${at.y + s * 0.7} Z`}
      fill="#000"
    >
      <title>Blind spot</title>
    </path>
  );
}

interface MapPanelProps {
  title: string;
  kind: string;
  cx: number;
  cy: number;
  geometry: MapGeometry;
  test: VisualFieldTest;
  /** Draw the axes over the content (grey scale) instead of under it. */
  under?: boolean;
  children: (project: Project) => ReactNode;
}

function MapPanel({ title, kind, cx, cy, geometry, children, under }: MapPanelProps) {
  const ppd = geometry.pixelsPerDegree;
  const project: Project = (x, y) => ({ x: cx + x * ppd, y: cy - y * ppd });
  const halfW = geometry.halfWidthDegrees * ppd;
  const halfH = geometry.halfHeightDegrees * ppd;
  const ticks: number[] = [];
  for (let d = geometry.tickDegrees; d <= geometry.halfWidthDegrees + 1e-9; d += geometry.tickDegrees) {
    ticks.push(d, -d);
  }
  const verticalTicks = ticks.filter((d) => Math.abs(d) <= geometry.halfHeightDegrees + 1e-9);
  const labelled = (d: number) =>
    Math.abs(d) % (geometry.tickDegrees * (geometry.tickDegrees === 2 ? 5 : 1)) === 0;
  const axes = (
    <g className="single-field__axes" stroke="#000" strokeWidth={0.8}>
      <line
        data-axis="horizontal"
        data-half-degrees={geometry.halfWidthDegrees}
        x1={cx - halfW}
        y1={cy}
        x2={cx + halfW}
        y2={cy}
      />
      <line
        data-axis="vertical"
        data-half-degrees={geometry.halfHeightDegrees}
        x1={cx}
        y1={cy - halfH}
        x2={cx}
        y2={cy + halfH}
      />
      {ticks.map((d) => (
        <line key={`h${d}`} x1={cx + d * ppd} y1={cy - 3} x2={cx + d * ppd} y2={cy + 3} />
      ))}
      {verticalTicks.map((d) => (
        <line key={`v${d}`} x1={cx - 3} y1={cy - d * ppd} x2={cx + 3} y2={cy - d * ppd} />
      ))}
    </g>
  );
  const axisLabels = ticks
    .filter((d) => d > 0 && labelled(d))
    .map((d) => (
      <text
        key={d}
        className="single-field__axis-label"
        x={cx + d * ppd}
        y={cy + halfH + 12}
        fontSize={8}
        fill="#555"
        textAnchor="middle"
      >
        {d}°
      </text>
    ));
  return (
    <g data-map={kind}>
      <text x={cx} y={cy - halfH - 12} fontSize={12} fontWeight="bold" textAnchor="middle">
        {title}
      </text>
      {!under && axes}
      {children(project)}
      {under && axes}
      {axisLabels}
    </g>
  );
}

/** Fill patterns of the probability symbols: denser for rarer deviations, solid for p < 0.5 %. */
function SymbolPatterns({ ids }: { ids: Record<ProbabilityLevel, string> }) {
  return (
    <defs>
      <pattern id={ids[5]} width={4} height={4} patternUnits="userSpaceOnUse">
        <rect width={4} height={4} fill="#fff" />
        <circle cx={2} cy={2} r={0.75} fill="#000" />
      </pattern>
      <pattern id={ids[2]} width={3} height={3} patternUnits="userSpaceOnUse">
        <rect width={3} height={3} fill="#fff" />
        <circle cx={1.5} cy={1.5} r={0.95} fill="#000" />
      </pattern>
      <pattern id={ids[1]} width={3} height={3} patternUnits="userSpaceOnUse">
        <rect width={3} height={3} fill="#000" />
        <rect width={1.5} height={1.5} fill="#fff" />
      </pattern>
      <pattern id={ids[0.5]} width={4} height={4} patternUnits="userSpaceOnUse">
        <rect width={4} height={4} fill="#000" />
      </pattern>
    </defs>
  );
}

function ProbabilitySymbol({
  at,
  deviation,
  ids,
  size,
}: {
  at: { x: number; y: number };
  deviation: Deviation | undefined;
  ids: Record<ProbabilityLevel, string>;
  size: number;
}) {
  if (!deviation) return null;
  const level = symbolLevel(deviation.probabilityPercent);
  if (deviation.probabilityPercent === undefined) return null;
  if (level === undefined) {
    return <circle data-probability="n.s." cx={at.x} cy={at.y} r={1.3} fill="#000" />;
  }
  return (
    <rect
      data-probability={`<${level}`}
      x={at.x - size / 2}
      y={at.y - size / 2}
      width={size}
      height={size}
      fill={`url(#${ids[level]})`}
      stroke="#000"
      strokeWidth={0.4}
    />
  );
}

function Legends({ ids, y }: { ids: Record<ProbabilityLevel, string>; y: number }) {
  return (
    <g className="single-field__legend" data-legend="probability" fontSize={10}>
      <circle cx={34} cy={y} r={1.3} fill="#000" />
      <text x={42} y={y} dominantBaseline="central">
        not significant
      </text>
      {PROBABILITY_LEVELS.map((level, i) => (
        <g key={level}>
          <rect
            x={140 + i * 70}
            y={y - 6}
            width={12}
            height={12}
            fill={`url(#${ids[level]})`}
            stroke="#000"
            strokeWidth={0.4}
          />
          <text x={157 + i * 70} y={y} dominantBaseline="central">
            P {'<'} {level}%
          </text>
        </g>
      ))}
      <g data-legend="greyscale">
        {[0, ...GREY_STEPS_DB].map((limit, i) => {
          const level = Math.round(greyTone(limit) * 255);
          return (
            <g key={limit}>
              <rect
                x={440 + i * 38}
                y={y - 6}
                width={14}
                height={12}
                fill={`rgb(${level},${level},${level})`}
                stroke="#000"
                strokeWidth={0.4}
              />
              <text x={456 + i * 38} y={y} fontSize={8} dominantBaseline="central">
                {i === 0 ? '<1' : `≥${limit}`}
              </text>
            </g>
          );
        })}
        <text x={440} y={y + 16} fontSize={8} fill="#555">
          grey scale, dB
        </text>
      </g>
    </g>
  );
}

function GlobalIndices({ test, y }: { test: VisualFieldTest; y: number }) {
  const { meanDeviation, patternStandardDeviation, visualFieldIndexPercent, glaucomaHemifieldTest } =
    test.indices;
  const deviationLine = (deviation: Deviation | undefined) =>
    deviation
      ? `${formatNumber(deviation.db, 2)} dB ${probabilityText(deviation.probabilityPercent)}`.trim()
      : NOT_RECORDED;
  const rows: Array<[string, string, string]> = [
    ['Glaucoma Hemifield Test', glaucomaHemifieldTest ?? NOT_RECORDED, 'ght'],
    [
      'VFI',
      visualFieldIndexPercent === undefined ? NOT_RECORDED : `${formatNumber(visualFieldIndexPercent, 0)} %`,
      'vfi',
    ],
    ['MD', deviationLine(meanDeviation), 'md'],
    ['PSD', deviationLine(patternStandardDeviation), 'psd'],
  ];
  return (
    <g className="single-field__indices" data-section="global-indices" fontSize={13}>
      {rows.map(([label, value, key], i) => (
        <g key={key} data-index={key}>
          <text x={i < 2 ? 30 : 420} y={y + (i % 2) * 22} fontWeight="bold">
            {label}
          </text>
          <text x={i < 2 ? 232 : 470} y={y + (i % 2) * 22} data-value={key}>
            {value}
          </text>
        </g>
      ))}
    </g>
  );
}

function Header({ test }: { test: VisualFieldTest }) {
  const { reliability, stimulus } = test;
  const stimulusText =
    [stimulus.goldmannSize, stimulus.colour].filter(Boolean).join(', ') ||
    (stimulus.areaSquareDegrees !== undefined ? `${formatNumber(stimulus.areaSquareDegrees, 3)} deg²` : '');
  const background =
    stimulus.backgroundLuminanceCdM2 !== undefined
      ? `${apostilbs(stimulus.backgroundLuminanceCdM2)}${stimulus.backgroundColour ? `, ${stimulus.backgroundColour}` : ''}`
      : undefined;
  const columns: Array<Array<[string, string | undefined, string]>> = [
    [
      ['Patient ID', test.patient.id || undefined, 'patient-id'],
      ['Date of birth', formatDate(test.patient.birthDate) || undefined, 'birth-date'],
      [
        'Test date',
        [formatDate(test.date), formatTime(test.time)].filter(Boolean).join(' ') || undefined,
        'date',
      ],
      ['Perimeter', test.device, 'device'],
    ],
    [
      ['Test', testName(test.pattern), 'pattern'],
      ['Strategy', test.strategy, 'strategy'],
      ['Stimulus', stimulusText || undefined, 'stimulus'],
      ['Background', background, 'background'],
      ['Duration', formatDuration(test.durationSeconds), 'duration'],
      [
        'Fovea',
        test.fovealSensitivityDb === undefined
          ? undefined
          : `${formatNumber(test.fovealSensitivityDb, 0)} dB`,
        'fovea',
      ],
    ],
    [
      ['Fixation monitor', reliability.fixationMonitoring, 'fixation-monitor'],
      ['Fixation losses', reliabilityText(reliability.fixationLosses, 'ratio'), 'fixation-losses'],
      ['False POS errors', reliabilityText(reliability.falsePositives, 'percent'), 'false-positives'],
      ['False NEG errors', reliabilityText(reliability.falseNegatives, 'percent'), 'false-negatives'],
    ],
  ];
  const x = [20, 270, 510];
  const valueX = [100, 345, 615];
  return (
    <g className="single-field__header" fontSize={11}>
      <text x={20} y={30} fontSize={18} fontWeight="bold">
        Single Field Analysis
      </text>
      <text x={740} y={30} fontSize={18} fontWeight="bold" textAnchor="end" data-field="eye">
        {eyeName(test.eye)}
      </text>
      <line x1={20} y1={42} x2={740} y2={42} stroke="#000" strokeWidth={1} />
      {/* The name has a line of its own so that no name is ever cut short. */}
      <text x={20} y={62} fill="#444">
        Patient
      </text>
      <text x={100} y={62} fontSize={13} fontWeight="bold" data-field="patient">
        {formatPersonName(test.patient.name) || NOT_RECORDED}
      </text>
      {columns.map((rows, c) =>
        rows.map(([label, value, key], r) => (
          <g key={key}>
            <text x={x[c]} y={84 + r * 17} fill="#444">
              {label}
            </text>
            <text
              x={valueX[c]}
              y={84 + r * 17}
              data-field={key}
              fontStyle={value === undefined ? 'italic' : undefined}
              fill={value === undefined ? '#777' : value.endsWith('xx') ? '#b00000' : '#000'}
              fontWeight={value?.endsWith('xx') ? 'bold' : undefined}
            >
              {value ?? NOT_RECORDED}
            </text>
          </g>
        )),
      )}
      {hasLowReliability(test) && (
        <text
          x={510}
          y={84 + 4 * 17 + 4}
          fontSize={12}
          fontWeight="bold"
          fill="#b00000"
          data-field="low-reliability"
        >
          Low test reliability
        </text>
      )}
      <line x1={20} y1={180} x2={740} y2={180} stroke="#000" strokeWidth={0.6} />
    </g>
  );
}
