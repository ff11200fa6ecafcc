import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SOP_CLASSES } from './catalog/images';
import { demoOrders, type DemoOrder } from './catalog/schedule';
import { part10, type Dataset } from './dicom/writer';
import { specificCharacterSetValue } from './dicom/charsets';
import { codeItem } from './instances/common';
import { demoUid } from './uids';

/** The MWL attributes of one order (PS3.4 K.6.1.2.2): what the worklist answers a modality's C-FIND with. */
export function worklistItem(order: DemoOrder): Dataset {
  return {
    SpecificCharacterSet: specificCharacterSetValue(order.patient.charset),
    // A worklist file is no stored instance; these two only make it a well-formed Part-10 file.
    SOPClassUID: SOP_CLASSES.modalityWorklistFind,
    SOPInstanceUID: demoUid(`worklist/${order.accessionNumber}`),
    AccessionNumber: order.accessionNumber,
    ReferringPhysicianName: order.referringPhysician,
    PatientName: order.patient.name,
    PatientID: order.patient.id,
    IssuerOfPatientID: 'FOVEA',
    PatientBirthDate: order.patient.birthDate,
    PatientSex: order.patient.sex,
    StudyInstanceUID: order.studyInstanceUID,
    RequestedProcedureDescription: order.description,
    RequestedProcedureCodeSequence: [codeItem(order.procedureCode)],
    RequestedProcedureID: order.requestedProcedureId,
    RequestedProcedurePriority: 'ROUTINE',
    ScheduledProcedureStepSequence: [
      {
        ScheduledStationAETitle: order.stationAet,
        ScheduledProcedureStepStartDate: order.date,
        ScheduledProcedureStepStartTime: order.time,
        Modality: order.modality,
        ScheduledPerformingPhysicianName: order.performingPhysician,
        ScheduledProcedureStepDescription: order.description,
        ScheduledProtocolCodeSequence: [codeItem(order.procedureCode)],
        ScheduledStationName: order.stationName,
        ScheduledProcedureStepLocation: order.stationName,
        ScheduledProcedureStepID: order.stepId,
        ScheduledProcedureStepStatus: 'SCHEDULED',
      },
    ],
  };
}

const WORKLIST_FILE = /^fovea-.*\.wl$/;

/**
 * Writes today's orders as `fovea-<accession>.wl` files for a file-based worklist (Orthanc's plugin,
 * dcmtk's wlmscpfs), after removing the demo's files of earlier days; other files in `dir` stay.
 */
export async function writeWorklistFiles(dir: string, today: Date): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (WORKLIST_FILE.test(name)) await unlink(join(dir, name));
  const files: string[] = [];
  for (const order of demoOrders(today)) {
    const file = join(dir, `fovea-${order.accessionNumber}.wl`);
    await writeFile(file, part10(worklistItem(order)));
    files.push(file);
  }
  return files;
}
