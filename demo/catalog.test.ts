import { describe, expect, it } from 'vitest';
import {
  DEMO_CODEC_STUDY,
  DEMO_CT,
  DEMO_INCOMING,
  DEMO_PATIENTS,
  DEMO_STUDIES,
  DEMO_TRANSFER_SYNTAXES,
  DEMO_VISUAL_FIELDS,
  demoIncoming,
  demoOrders,
  ageOn,
  demoPatient,
} from './catalog';
import { isValidUid } from './uids';

const today = new Date(2026, 10, 23, 9, 0);

describe('the demo patients', () => {
  it('are at least twelve, with unique IDs, and names in several scripts', () => {
    expect(DEMO_PATIENTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_PATIENTS.map((p) => p.id)).size).toBe(DEMO_PATIENTS.length);
    const names = DEMO_PATIENTS.map((p) => p.name).join(' ');
    for (const script of [
      /\p{Script=Greek}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hiragana}/u,
      /\p{Script=Hangul}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
    ])
      expect(names).toMatch(script);
    for (const p of DEMO_PATIENTS) {
      expect(p.birthDate).toMatch(/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
      // Latin-1 files can only hold Latin-1 names.
      if (p.charset === 'ISO_IR 100') expect([...p.name].every((c) => c.codePointAt(0)! <= 0xff)).toBe(true);
    }
    expect(DEMO_PATIENTS.filter((p) => p.charset === 'ISO_IR 100').length).toBeGreaterThanOrEqual(1);
  });

  it('have their age counted from the birthday', () => {
    const mueller = demoPatient('mueller'); // born 1958-03-12
    expect(ageOn(mueller, '20250311')).toBe(66);
    expect(ageOn(mueller, '20250312')).toBe(67);
  });
});

describe('the demo studies', () => {
  const uids = DEMO_STUDIES.flatMap((s) => [
    s.studyInstanceUID,
    ...s.series.map((series) => series.seriesInstanceUID),
  ]);

  it('have valid, distinct UIDs', () => {
    for (const uid of uids) expect(isValidUid(uid)).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('give every patient at least one study, dated in the past', () => {
    for (const p of DEMO_PATIENTS) expect(DEMO_STUDIES.some((s) => s.patient === p.key)).toBe(true);
    for (const s of DEMO_STUDIES) {
      demoPatient(s.patient);
      expect(s.date < '20260101').toBe(true);
    }
  });

  it('hold the CT, the visual fields and the codec reference where the well-known constants say', () => {
    const ct = DEMO_STUDIES.find((s) => s.studyInstanceUID === DEMO_CT.studyInstanceUID)!;
    expect(ct.series.find((s) => s.seriesInstanceUID === DEMO_CT.seriesInstanceUID)?.instances).toBe(200);
    for (const field of DEMO_VISUAL_FIELDS) {
      const study = DEMO_STUDIES.find((s) => s.studyInstanceUID === field.studyInstanceUID)!;
      expect(study.series.find((s) => s.seriesInstanceUID === field.seriesInstanceUID)?.content).toEqual({
        kind: 'visual-field',
        field: field.key,
      });
    }
    const codec = DEMO_STUDIES.find((s) => s.key === DEMO_CODEC_STUDY.key)!;
    expect(codec.series.map((s) => s.seriesInstanceUID)).toEqual(
      DEMO_TRANSFER_SYNTAXES.map((t) => t.seriesInstanceUID),
    );
  });
});

describe('the transfer syntaxes of the codec reference', () => {
  it('cover the twelve syntaxes, each source image carried or skipped with a reason', () => {
    expect(DEMO_TRANSFER_SYNTAXES).toHaveLength(12);
    expect(new Set(DEMO_TRANSFER_SYNTAXES.map((t) => t.uid)).size).toBe(12);
    for (const syntax of DEMO_TRANSFER_SYNTAXES) {
      expect(syntax.images.length + syntax.skipped.length).toBe(5);
      for (const skipped of syntax.skipped) expect(skipped.reason.length).toBeGreaterThan(20);
    }
    const baseline = DEMO_TRANSFER_SYNTAXES.find((t) => t.uid === '1.2.840.10008.1.2.4.50')!;
    expect(baseline.images).toEqual(['rgb8', 'grey8']);
  });
});

describe("today's orders", () => {
  const orders = demoOrders(today);

  it('are 12–15 procedures between 08:00 and 17:00 in the modalities of the clinic', () => {
    expect(orders.length).toBeGreaterThanOrEqual(12);
    expect(orders.length).toBeLessThanOrEqual(15);
    for (const o of orders) {
      expect(o.date).toBe('20261123');
      expect(o.time >= '080000' && o.time <= '170000').toBe(true);
      expect(isValidUid(o.studyInstanceUID)).toBe(true);
    }
    expect(new Set(orders.map((o) => o.modality))).toEqual(new Set(['OP', 'OPV', 'CT', 'MR', 'US', 'DX']));
    expect(new Set(orders.map((o) => o.accessionNumber)).size).toBe(orders.length);
    expect(orders.map((o) => o.stationName)).toEqual(expect.arrayContaining(['OCT-1', 'HFA-3', 'CT-1']));
  });

  it('are new each day', () => {
    const tomorrow = demoOrders(new Date(2026, 10, 24));
    expect(tomorrow[0]!.accessionNumber).not.toBe(orders[0]!.accessionNumber);
    expect(tomorrow[0]!.studyInstanceUID).not.toBe(orders[0]!.studyInstanceUID);
  });
});

describe("today's incoming studies", () => {
  const incoming = demoIncoming(today);

  it('belong to orders of today: two exactly, the others with one deliberate difference each', () => {
    expect(incoming).toHaveLength(DEMO_INCOMING.length);
    expect(incoming.filter((i) => i.change === 'none')).toHaveLength(2);
    for (const study of incoming) {
      const { order } = study;
      expect(study.date).toBe(order.date);
      expect(study.time > order.time).toBe(true);
      if (study.change === 'none') {
        expect(study.accessionNumber).toBe(order.accessionNumber);
        expect(study.studyInstanceUID).toBe(order.studyInstanceUID);
        expect([study.patientName, study.patientId, study.patientBirthDate]).toEqual([
          order.patient.name,
          order.patient.id,
          order.patient.birthDate,
        ]);
      } else expect(study.studyInstanceUID).not.toBe(order.studyInstanceUID);
    }
    const by = (change: string) => incoming.find((i) => i.change === change)!;
    expect(by('name typo').patientName).toBe('Dubios^Helene');
    expect(by('name without accents').patientName).toBe('Muller^Jurgen');
    const swapped = by('birth date day/month swapped');
    expect(swapped.patientBirthDate).toBe(
      swapped.order.patient.birthDate.slice(0, 4) +
        swapped.order.patient.birthDate.slice(6) +
        swapped.order.patient.birthDate.slice(4, 6),
    );
    expect(by('no accession number').accessionNumber).toBe('');
    const transposed = by('patient ID digits transposed');
    expect(transposed.patientId).not.toBe(transposed.order.patient.id);
    expect([...transposed.patientId].sort().join('')).toBe([...transposed.order.patient.id].sort().join(''));
  });

  it('are photographs for OP orders and visual fields for OPV orders', () => {
    for (const study of incoming) {
      if (study.order.modality === 'OP') expect(study.eyes.length).toBeGreaterThan(0);
      if (study.order.modality === 'OPV') expect(study.visualFields.map((f) => f.eye)).toEqual(['R', 'L']);
    }
  });
});
