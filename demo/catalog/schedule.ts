import { demoUid, dicomDate } from '../uids';
import type { Code } from '../visualField/model';
import { DEMO_REFERRING_PHYSICIAN, demoPatient, type DemoPatient } from './patients';
import { measureVisualField, type VisualFieldResult } from '../visualField/model';
import { INCOMING_VISUAL_FIELDS } from './visualFields';

/** A procedure scheduled for today, as the RIS puts it on the modality worklist. */
export interface DemoOrder {
  patient: DemoPatient;
  accessionNumber: string;
  studyInstanceUID: string;
  requestedProcedureId: string;
  description: string;
  /** Requested Procedure Code Sequence (a local code of the clinic's procedure list). */
  procedureCode: Code;
  modality: string;
  stationAet: string;
  stationName: string;
  referringPhysician: string;
  performingPhysician: string;
  date: string;
  time: string;
  stepId: string;
}

interface Station {
  aet: string;
  name: string;
}
const STATIONS = {
  fundus: { aet: 'FUNDUS1', name: 'FUNDUS-1' },
  oct: { aet: 'OCT1', name: 'OCT-1' },
  perimeter: { aet: 'HFA3', name: 'HFA-3' },
  ct: { aet: 'CT1', name: 'CT-1' },
  mr: { aet: 'MR1', name: 'MR-1' },
  us: { aet: 'US1', name: 'US-1' },
  dx: { aet: 'DX1', name: 'DX-1' },
} satisfies Record<string, Station>;

const procedure = (value: string, meaning: string): Code => ({ value, scheme: '99FOVEA', meaning });

/** The day's schedule, 08:00–16:30; every demo patient has one procedure. */
const SCHEDULE: ReadonlyArray<
  [patient: string, time: string, modality: string, station: Station, code: Code, performer: string]
> = [
  [
    'yamada',
    '080000',
    'OP',
    STATIONS.fundus,
    procedure('OP-FUNDUS-OU', 'Colour fundus photography, both eyes'),
    'Technician^Alex',
  ],
  [
    'mueller',
    '083000',
    'OPV',
    STATIONS.perimeter,
    procedure('VF-242-SS', 'Visual field 24-2 SITA Standard'),
    'Technician^Sam',
  ],
  [
    'dubois',
    '090000',
    'OP',
    STATIONS.fundus,
    procedure('OP-FUNDUS-OU', 'Colour fundus photography, both eyes'),
    'Technician^Alex',
  ],
  [
    'nguyen',
    '093000',
    'OP',
    STATIONS.oct,
    procedure('OP-FUNDUS-OD', 'Fundus photography, right eye'),
    'Technician^Sam',
  ],
  [
    'ivanov',
    '100000',
    'CT',
    STATIONS.ct,
    procedure('CT-CHEST', 'CT chest without contrast'),
    'Radiographer^Jo',
  ],
  [
    'okafor',
    '103000',
    'OP',
    STATIONS.oct,
    procedure('OP-FUNDUS-OU', 'Colour fundus photography, both eyes'),
    'Technician^Sam',
  ],
  [
    'cohen',
    '110000',
    'OP',
    STATIONS.fundus,
    procedure('OP-FUNDUS-OS', 'Fundus photography, left eye'),
    'Technician^Alex',
  ],
  [
    'papadopoulou',
    '113000',
    'OPV',
    STATIONS.perimeter,
    procedure('VF-102-SS', 'Visual field 10-2 SITA Standard'),
    'Technician^Sam',
  ],
  ['kim', '130000', 'MR', STATIONS.mr, procedure('MR-BRAIN', 'MR brain'), 'Radiographer^Jo'],
  ['alhassan', '133000', 'US', STATIONS.us, procedure('US-ECHO', 'Echocardiography'), 'Sonographer^Kai'],
  [
    'garcia',
    '140000',
    'OPV',
    STATIONS.perimeter,
    procedure('VF-242-SF', 'Visual field 24-2 SITA Fast'),
    'Technician^Sam',
  ],
  [
    'lindqvist',
    '143000',
    'OP',
    STATIONS.fundus,
    procedure('OP-FUNDUS-OU', 'Colour fundus photography, both eyes'),
    'Technician^Alex',
  ],
  ['obrien', '150000', 'DX', STATIONS.dx, procedure('DX-CHEST-PA', 'Chest X-ray PA'), 'Radiographer^Jo'],
  [
    'smith',
    '163000',
    'CT',
    STATIONS.ct,
    procedure('CT-ABDOMEN-C', 'CT abdomen with contrast'),
    'Radiographer^Jo',
  ],
];

/** Today's scheduled procedures; accession numbers carry the date, so each day's orders are its own. */
export function demoOrders(today: Date): DemoOrder[] {
  const date = dicomDate(today);
  return SCHEDULE.map(([key, time, modality, station, code, performer], i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      patient: demoPatient(key),
      accessionNumber: `A${date}-${n}`,
      studyInstanceUID: demoUid(`order/${date}/${n}`),
      requestedProcedureId: `RP${date.slice(2)}${n}`,
      description: code.meaning,
      procedureCode: code,
      modality,
      stationAet: station.aet,
      stationName: station.name,
      referringPhysician: DEMO_REFERRING_PHYSICIAN,
      performingPhysician: performer,
      date,
      time,
      stepId: `SPS${date.slice(2)}${n}`,
    };
  });
}

/** What the modality recorded differently from the order (empty: nothing). */
export type Recorded = Partial<{ name: string; id: string; birthDate: string; accessionNumber: string }>;

/** A result arriving today for one of today's orders, possibly with demographics that disagree. */
export interface DemoIncomingSpec {
  /** The order's patient (each patient has one order a day). */
  patient: string;
  /** Why this study is in the demo: what the match queue should notice. */
  change:
    | 'none'
    | 'name typo'
    | 'name without accents'
    | 'birth date day/month swapped'
    | 'no accession number'
    | 'patient ID digits transposed';
  recorded: Recorded;
  /** Minutes after the scheduled start when the study was acquired. */
  minutesAfterStart: number;
}

/**
 * Today's incoming studies. Two match their order exactly (the modality took its data from the
 * worklist); the others were typed in at the modality, with one mistake each.
 */
export const DEMO_INCOMING: readonly DemoIncomingSpec[] = [
  { patient: 'yamada', change: 'none', recorded: {}, minutesAfterStart: 10 },
  { patient: 'lindqvist', change: 'none', recorded: {}, minutesAfterStart: 5 },
  { patient: 'dubois', change: 'name typo', recorded: { name: 'Dubios^Helene' }, minutesAfterStart: 12 },
  {
    patient: 'mueller',
    change: 'name without accents',
    recorded: { name: 'Muller^Jurgen' },
    minutesAfterStart: 8,
  },
  // Born 1992-01-11, typed as 1992-11-01.
  {
    patient: 'nguyen',
    change: 'birth date day/month swapped',
    recorded: { birthDate: '19921101' },
    minutesAfterStart: 7,
  },
  {
    patient: 'okafor',
    change: 'no accession number',
    recorded: { accessionNumber: '' },
    minutesAfterStart: 15,
  },
  // FOV1012 typed as FOV1021.
  {
    patient: 'cohen',
    change: 'patient ID digits transposed',
    recorded: { id: 'FOV1021' },
    minutesAfterStart: 9,
  },
];

/** An incoming study resolved for a day: the order it belongs to and the identifiers it carries. */
export interface DemoIncomingStudy extends DemoIncomingSpec {
  order: DemoOrder;
  /** As stored: the order's accession number unless the modality recorded another (or none). */
  accessionNumber: string;
  /** The order's when the modality took it from the worklist, else the modality's own. */
  studyInstanceUID: string;
  date: string;
  time: string;
  /** Patient attributes as stored in the files. */
  patientName: string;
  patientId: string;
  patientBirthDate: string;
  /** What was acquired: fundus photographs of these eyes (OP orders) … */
  eyes: Array<'R' | 'L'>;
  /** … or these visual fields (OPV orders). */
  visualFields: VisualFieldResult[];
}

/** The eyes an OP procedure code asks for. */
function eyesOf(order: DemoOrder): Array<'R' | 'L'> {
  if (order.modality !== 'OP') return [];
  if (order.procedureCode.value.endsWith('-OD')) return ['R'];
  if (order.procedureCode.value.endsWith('-OS')) return ['L'];
  return ['R', 'L'];
}

const addMinutes = (time: string, minutes: number) => {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(2, 4)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}${String(total % 60).padStart(2, '0')}00`;
};

export function demoIncoming(today: Date): DemoIncomingStudy[] {
  const orders = demoOrders(today);
  const date = dicomDate(today);
  return DEMO_INCOMING.map((spec) => {
    const order = orders.find((o) => o.patient.key === spec.patient);
    if (!order) throw new Error(`No order today for incoming patient ${spec.patient}`);
    const fromWorklist = spec.change === 'none';
    return {
      ...spec,
      order,
      accessionNumber: spec.recorded.accessionNumber ?? order.accessionNumber,
      studyInstanceUID: fromWorklist ? order.studyInstanceUID : demoUid(`incoming/${date}/${spec.patient}`),
      date,
      time: addMinutes(order.time, spec.minutesAfterStart),
      patientName: spec.recorded.name ?? order.patient.name,
      patientId: spec.recorded.id ?? order.patient.id,
      patientBirthDate: spec.recorded.birthDate ?? order.patient.birthDate,
      eyes: eyesOf(order),
      visualFields:
        order.modality === 'OPV' ? (INCOMING_VISUAL_FIELDS[spec.patient] ?? []).map(measureVisualField) : [],
    };
  });
}
