import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { demoOrders, type DemoOrder } from './orders';
import { part10, type Dataset } from './part10';
import { demoUid } from './uids';

/** The MWL attributes of one order (the file the worklist plugin answers C-FIND from). */
export function worklistDataset(order: DemoOrder): Dataset {
  return {
    SpecificCharacterSet: order.patient.charset,
    // A .wl file is not a stored instance; these only make the file a well-formed Part-10 file.
    SOPClassUID: '1.2.840.10008.5.1.4.31',
    SOPInstanceUID: demoUid(`worklist/${order.accessionNumber}`),
    AccessionNumber: order.accessionNumber,
    ReferringPhysicianName: 'Grey^Meredith',
    PatientName: order.patient.name,
    PatientID: order.patient.id,
    PatientBirthDate: order.patient.birthDate,
    PatientSex: order.patient.sex,
    StudyInstanceUID: order.studyInstanceUID,
    RequestedProcedureDescription: order.description,
    RequestedProcedureID: order.requestedProcedureId,
    RequestedProcedureCodeSequence: [
      { CodeValue: order.modality, CodingSchemeDesignator: '99FOVEA', CodeMeaning: order.description },
    ],
    ScheduledProcedureStepSequence: [
      {
        Modality: order.modality,
        ScheduledStationAETitle: order.stationAet,
        ScheduledProcedureStepStartDate: order.date,
        ScheduledProcedureStepStartTime: order.time,
        ScheduledPerformingPhysicianName: 'Technician^Alex',
        ScheduledProcedureStepDescription: order.description,
        ScheduledProcedureStepID: order.stepId,
        ScheduledStationName: order.stationName,
        ScheduledProcedureStepStatus: 'SCHEDULED',
      },
    ],
  };
}

/** Writes today's orders as `fovea-*.wl` files, replacing those of earlier days. */
export async function writeWorklistFiles(dir: string, today: Date): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith('fovea-') && name.endsWith('.wl')) unlinkSync(join(dir, name));
  }
  return demoOrders(today).map((order) => {
    const file = join(dir, `fovea-${order.accessionNumber}.wl`);
    writeFileSync(file, part10(worklistDataset(order)));
    return file;
  });
}
