import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoOrders, demoPatient } from './catalog';
import { specificCharacterSetValue } from './dicom/charsets';
import { readElements, valueOf } from './dicom/dcmdump';
import { writeWorklistFiles } from './worklist';

describe('the worklist files', () => {
  const today = new Date(2026, 10, 23);

  it("hold today's orders with the MWL attributes, readable by dcmtk", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fovea-wl-'));
    const files = await writeWorklistFiles(dir, today);
    const orders = demoOrders(today);
    expect(files).toHaveLength(orders.length);
    for (const [i, file] of files.entries()) {
      const order = orders[i]!;
      const elements = await readElements(file);
      // dcmtk reports a set it converted for reading (+U8) as UTF-8; what it cannot convert is dumped as
      // written and converted by iconv.
      const written = specificCharacterSetValue(order.patient.charset);
      expect(['ISO_IR 192', [written].flat().join('\\')]).toContain(
        valueOf(elements, 'SpecificCharacterSet'),
      );
      expect(valueOf(elements, 'PatientName')).toBe(order.patient.name);
      expect(valueOf(elements, 'PatientID')).toBe(order.patient.id);
      expect(valueOf(elements, 'PatientBirthDate')).toBe(order.patient.birthDate);
      expect(valueOf(elements, 'PatientSex')).toBe(order.patient.sex);
      expect(valueOf(elements, 'AccessionNumber')).toBe(order.accessionNumber);
      expect(valueOf(elements, 'ReferringPhysicianName')).toBe('Grey^Meredith');
      expect(valueOf(elements, 'RequestedProcedureDescription')).toBe(order.description);
      expect(valueOf(elements, 'RequestedProcedureID')).toBe(order.requestedProcedureId);
      expect(valueOf(elements, 'StudyInstanceUID')).toBe(order.studyInstanceUID);
      expect(valueOf(elements, 'Modality')).toBe(order.modality);
      expect(valueOf(elements, 'ScheduledStationAETitle')).toBe(order.stationAet);
      expect(valueOf(elements, 'ScheduledStationName')).toBe(order.stationName);
      expect(valueOf(elements, 'ScheduledProcedureStepStartDate')).toBe('20261123');
      expect(valueOf(elements, 'ScheduledProcedureStepStartTime')).toBe(order.time);
      expect(valueOf(elements, 'ScheduledProcedureStepDescription')).toBe(order.description);
      expect(valueOf(elements, 'ScheduledProcedureStepID')).toBe(order.stepId);
      expect(valueOf(elements, 'ScheduledPerformingPhysicianName')).toBe(order.performingPhysician);
      expect(valueOf(elements, 'ScheduledProcedureStepStatus')).toBe('SCHEDULED');
      // The step's attributes are inside the Scheduled Procedure Step Sequence.
      expect(elements.find((e) => e.keyword === 'ScheduledProcedureStepStatus')?.depth).toBe(2);
    }
    const yamada = await readElements(files[orders.findIndex((o) => o.patient.id === 'FOV1009')]!);
    expect(valueOf(yamada, 'PatientName')).toBe(demoPatient('yamada').name);
  });

  it("replaces earlier days' demo files and leaves other files alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fovea-wl-'));
    await writeWorklistFiles(dir, new Date(2026, 10, 22));
    writeFileSync(join(dir, 'other-system.wl'), 'not ours');
    await writeWorklistFiles(dir, today);
    const names = readdirSync(dir);
    expect(names).toContain('other-system.wl');
    expect(names.filter((n) => n.startsWith('fovea-'))).toHaveLength(demoOrders(today).length);
    expect(names.some((n) => n.includes('20261122'))).toBe(false);
  });
});
