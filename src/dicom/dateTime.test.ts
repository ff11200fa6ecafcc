import { describe, expect, it } from 'vitest';
import {
  ageBetween,
  formatAge,
  formatAgeFromBirthDate,
  formatDate,
  formatDateAndTime,
  formatDateTime,
  formatTime,
  parseDate,
  parseTime,
  toDicomDate,
} from './dateTime';

describe('dates (DA)', () => {
  it('parses and formats YYYYMMDD', () => {
    expect(parseDate('20240305')).toEqual({ year: 2024, month: 3, day: 5 });
    expect(formatDate('20240305')).toBe('2024-03-05');
  });

  it('accepts the ACR-NEMA form', () => {
    expect(formatDate('2024.03.05')).toBe('2024-03-05');
  });

  it('rejects impossible dates and shows them as they came', () => {
    expect(parseDate('20230229')).toBeUndefined();
    expect(parseDate('20241301')).toBeUndefined();
    expect(formatDate('2024031')).toBe('2024031');
  });

  it('is empty for no value', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('  ')).toBe('');
  });

  it('writes a local date as DA', () => {
    expect(toDicomDate(new Date(2024, 0, 9, 23, 59))).toBe('20240109');
  });
});

describe('times (TM)', () => {
  it('shows hours and minutes', () => {
    expect(formatTime('143210')).toBe('14:32');
    expect(formatTime('143210.123456')).toBe('14:32');
    expect(formatTime('1432')).toBe('14:32');
    expect(formatTime('14')).toBe('14:00');
  });

  it('shows seconds when asked and known', () => {
    expect(formatTime('143210', { seconds: true })).toBe('14:32:10');
    expect(formatTime('1432', { seconds: true })).toBe('14:32');
  });

  it('accepts the old colon form', () => {
    expect(parseTime('14:32:10')).toEqual({ hour: 14, minute: 32, second: 10 });
  });

  it('shows an invalid time as it came', () => {
    expect(formatTime('2561')).toBe('2561');
  });

  it('joins a date and a time', () => {
    expect(formatDateAndTime('20240305', '143210')).toBe('2024-03-05 14:32');
    expect(formatDateAndTime('20240305', undefined)).toBe('2024-03-05');
    expect(formatDateAndTime(undefined, undefined)).toBe('');
  });
});

describe('date-times (DT)', () => {
  it('formats with and without fractions and offsets', () => {
    expect(formatDateTime('20240305143210')).toBe('2024-03-05 14:32');
    expect(formatDateTime('20240305143210.000000+0100')).toBe('2024-03-05 14:32');
    expect(formatDateTime('20240305')).toBe('2024-03-05');
    expect(formatDateTime('202403051432')).toBe('2024-03-05 14:32');
  });

  it('shows what it cannot read as it came', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('age', () => {
  it('counts completed years', () => {
    expect(ageBetween({ year: 1968, month: 4, day: 12 }, { year: 2026, month: 4, day: 11 })?.years).toBe(57);
    expect(ageBetween({ year: 1968, month: 4, day: 12 }, { year: 2026, month: 4, day: 12 })?.years).toBe(58);
  });

  it('gives someone born on 29 February a year on 1 March', () => {
    const birth = { year: 2000, month: 2, day: 29 };
    expect(ageBetween(birth, { year: 2001, month: 2, day: 28 })).toEqual({ years: 0, months: 11, days: 30 });
    expect(ageBetween(birth, { year: 2001, month: 3, day: 1 })).toEqual({ years: 1, months: 0, days: 0 });
    expect(ageBetween(birth, { year: 2004, month: 2, day: 29 })?.years).toBe(4);
  });

  it('is undefined before birth', () => {
    expect(ageBetween({ year: 2030, month: 1, day: 1 }, { year: 2026, month: 1, day: 1 })).toBeUndefined();
  });

  it('is written in years, months or days by size', () => {
    expect(formatAge({ years: 58, months: 3, days: 1 })).toBe('58 y');
    expect(formatAge({ years: 1, months: 6, days: 0 })).toBe('18 mo');
    expect(formatAge({ years: 0, months: 0, days: 12 })).toBe('12 d');
  });

  it('is computed from a DA birth date', () => {
    expect(formatAgeFromBirthDate('19680412', new Date(2026, 10, 23))).toBe('58 y');
    expect(formatAgeFromBirthDate('2026111', new Date(2026, 10, 23))).toBe('');
    expect(formatAgeFromBirthDate(undefined)).toBe('');
  });
});
