import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoIncoming } from './catalog';
import { readElements, valueOf, valuesOf } from './dicom/dcmdump';
import { writeIncomingStudies } from './build';

describe("today's incoming studies as files", () => {
  const today = new Date(2026, 10, 23);

  it(
    'carry the recorded demographics, dated today, under the order or their own study UID',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fovea-incoming-'));
      const names = await writeIncomingStudies(dir, today);
      const incoming = demoIncoming(today);
      expect(names.length).toBe(incoming.reduce((n, i) => n + i.eyes.length + i.visualFields.length, 0));
      for (const study of incoming) {
        const files = names.filter((name) => name.startsWith(`${study.patient}/`));
        expect(files.length).toBeGreaterThan(0);
        for (const name of files) {
          const elements = await readElements(join(dir, name));
          expect(valueOf(elements, 'PatientName')).toBe(study.patientName);
          expect(valueOf(elements, 'PatientID')).toBe(study.patientId);
          expect(valueOf(elements, 'PatientBirthDate')).toBe(study.patientBirthDate);
          expect(valueOf(elements, 'AccessionNumber')).toBe(study.accessionNumber);
          expect(valueOf(elements, 'StudyInstanceUID')).toBe(study.studyInstanceUID);
          expect(valueOf(elements, 'StudyDate')).toBe('20261123');
          expect(valueOf(elements, 'Modality')).toBe(study.order.modality);
        }
      }
      // Müller's visual fields arrive typed without accents; the file is still Latin-1.
      const muller = names.find((name) => name.startsWith('mueller/'))!;
      expect(readFileSync(join(dir, muller)).includes(Buffer.from('Muller^Jurgen', 'latin1'))).toBe(true);
      expect(
        valuesOf(await readElements(join(dir, muller), '+P', 'SpecificCharacterSet'), 'SpecificCharacterSet'),
      ).toEqual([
        'ISO_IR 192', // dcmdump +U8 reports the converted set
      ]);
    },
  );

  it('are the same bytes when written again for the same day', async () => {
    const a = mkdtempSync(join(tmpdir(), 'fovea-incoming-'));
    const b = mkdtempSync(join(tmpdir(), 'fovea-incoming-'));
    const names = await writeIncomingStudies(a, today);
    await writeIncomingStudies(b, today);
    for (const name of names)
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
  }, 60_000);
});
