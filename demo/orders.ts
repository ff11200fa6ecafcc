import { DEMO_PATIENTS, demoPatient, type DemoPatient } from './catalog';
import { demoUid, dicomDate } from './uids';

/** A procedure scheduled for today, as the RIS puts it on the modality worklist. */
export interface DemoOrder {
  patient: DemoPatient;
  accessionNumber: string;
  studyInstanceUID: string;
  requestedProcedureId: string;
  description: string;
  modality: string;
  stationAet: string;
  stationName: string;
  date: string;
  time: string;
  stepId: string;
}

const SCHEDULE: ReadonlyArray<
  [patient: string, time: string, modality: string, description: string, aet: string, station: string]
> = [
  ['yamada', '080000', 'OP', 'Colour fundus photography, both eyes', 'FUNDUS1', 'FUNDUS-1'],
  ['mueller', '083000', 'OPV', 'Visual field 24-2 SITA Standard', 'HFA3', 'HFA-3'],
  ['dubois', '090000', 'OP', 'Colour fundus photography, both eyes', 'FUNDUS1', 'FUNDUS-1'],
  ['nguyen', '093000', 'OP', 'Fundus photography, right eye', 'FUNDUS1', 'FUNDUS-1'],
  ['ivanov', '100000', 'CT', 'CT chest without contrast', 'CT1', 'CT-1'],
  ['okafor', '103000', 'OP', 'Fundus photography, both eyes', 'FUNDUS1', 'FUNDUS-1'],
  ['cohen', '110000', 'OP', 'Fundus photography, left eye', 'FUNDUS1', 'FUNDUS-1'],
  ['papadopoulou', '113000', 'OPV', 'Visual field 10-2 SITA Standard', 'HFA3', 'HFA-3'],
  ['kim', '130000', 'MR', 'MR brain', 'MR1', 'MR-1'],
  ['alhassan', '133000', 'US', 'Echocardiography', 'US1', 'US-1'],
  ['garcia', '140000', 'OPV', 'Visual field 24-2 SITA Fast', 'HFA3', 'HFA-3'],
  ['lindqvist', '143000', 'OP', 'Colour fundus photography, both eyes', 'FUNDUS1', 'FUNDUS-1'],
  ['obrien', '150000', 'DX', 'Chest X-ray PA', 'DX1', 'DX-1'],
  ['smith', '163000', 'CT', 'CT abdomen with contrast', 'CT1', 'CT-1'],
];

/** Today's scheduled procedures; accession numbers carry the date so each day's orders are its own. */
export function demoOrders(today: Date): DemoOrder[] {
  const date = dicomDate(today);
  return SCHEDULE.map(([key, time, modality, description, stationAet, stationName], i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      patient: demoPatient(key),
      accessionNumber: `A${date}-${n}`,
      studyInstanceUID: demoUid(`order/${date}/${n}`),
      requestedProcedureId: `RP${date.slice(2)}${n}`,
      description,
      modality,
      stationAet,
      stationName,
      date,
      time,
      stepId: `SPS${date.slice(2)}${n}`,
    };
  });
}

export function orderFor(today: Date, patientKey: string): DemoOrder {
  const order = demoOrders(today).find((o) => o.patient.key === patientKey);
  if (!order) throw new Error(`No demo order today for ${patientKey}`);
  return order;
}

/** Every demo patient has an order today. */
export const ORDERED_PATIENTS = DEMO_PATIENTS.map((p) => p.key);
