import { describe, expect, it } from 'vitest';
import { demoUid, dicomDate, instanceUid, isValidUid, seriesUid, studyUid } from './uids';

describe('demo UIDs', () => {
  it('are the same for the same key on every build', () => {
    expect(demoUid('ct/series/1/instance/37')).toBe(demoUid('ct/series/1/instance/37'));
    // Pinned: a change here changes every UID in every archive that holds the demo data.
    expect(demoUid('study/ct')).toBe('2.25.105809325646311999088740781364650917001');
  });

  it('differ between keys', () => {
    const uids = new Set(Array.from({ length: 1000 }, (_, i) => instanceUid('ct', 1, i + 1)));
    expect(uids.size).toBe(1000);
    expect(studyUid('ct')).not.toBe(seriesUid('ct', 1));
  });

  it('are valid UIDs of at most 64 characters under the 2.25 root', () => {
    for (const key of ['a', 'study/ct', 'order/20261123/001', '']) {
      const uid = demoUid(key);
      expect(uid).toMatch(/^2\.25\.[1-9]\d*$/);
      expect(uid.length).toBeLessThanOrEqual(64);
      expect(isValidUid(uid)).toBe(true);
      // 128 bits at most.
      expect(BigInt(uid.slice(5)) < 2n ** 128n).toBe(true);
    }
  });

  it('recognises invalid UIDs', () => {
    expect(isValidUid('1.2.840.10008.1.2.1')).toBe(true);
    expect(isValidUid('1.02.3')).toBe(false);
    expect(isValidUid('1..2')).toBe(false);
    expect(isValidUid('1.2.')).toBe(false);
    expect(isValidUid(`1.${'2'.repeat(63)}`)).toBe(false);
  });

  it('format local dates as DICOM DA', () => {
    expect(dicomDate(new Date(2026, 0, 5, 23, 59))).toBe('20260105');
  });
});
