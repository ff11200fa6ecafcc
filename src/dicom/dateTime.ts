/**
 * DICOM dates and times (PS3.5 6.2: DA, TM, DT) shown the same way in every locale, ISO-like:
 * "2024-03-05 14:32". A value that does not parse is shown as it came, never hidden or guessed at.
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute?: number;
  second?: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Parses DA "YYYYMMDD" (and the ACR-NEMA form "YYYY.MM.DD" that old archives still send). */
export function parseDate(value: string | undefined): CalendarDate | undefined {
  const match = value?.trim().match(/^(\d{4})\.?(\d{2})\.?(\d{2})$/);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidDate(date) ? date : undefined;
}

/** Parses TM "HH[MM[SS[.FFFFFF]]]" (and the old "HH:MM:SS" form). */
export function parseTime(value: string | undefined): TimeOfDay | undefined {
  const match = value?.trim().match(/^(\d{2})(?::?(\d{2})(?::?(\d{2})(?:\.\d{1,6})?)?)?$/);
  if (!match) return undefined;
  const time: TimeOfDay = { hour: Number(match[1]) };
  if (match[2] !== undefined) time.minute = Number(match[2]);
  if (match[3] !== undefined) time.second = Number(match[3]);
  if (time.hour > 23 || (time.minute ?? 0) > 59 || (time.second ?? 0) > 60) return undefined;
  return time;
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** "20240305" → "2024-03-05"; empty for an absent value. */
export function formatDate(value: string | undefined): string {
  if (!value?.trim()) return '';
  const date = parseDate(value);
  return date ? formatCalendarDate(date) : value.trim();
}

/** "143210.5" → "14:32" (or "14:32:10" with seconds); empty for an absent value. */
export function formatTime(value: string | undefined, options: { seconds?: boolean } = {}): string {
  if (!value?.trim()) return '';
  const time = parseTime(value);
  if (!time) return value.trim();
  const hm = `${pad2(time.hour)}:${pad2(time.minute ?? 0)}`;
  return options.seconds && time.second !== undefined ? `${hm}:${pad2(time.second)}` : hm;
}

/** A DA and a TM shown together: "2024-03-05 14:32"; either may be absent. */
export function formatDateAndTime(date: string | undefined, time: string | undefined): string {
  return [formatDate(date), formatTime(time)].filter(Boolean).join(' ');
}

/**
 * DT "YYYYMMDDHHMMSS.FFFFFF&ZZXX" → "2024-03-05 14:32". The UTC offset is left out: clinics read times
 * in the modality's local time, as they appear on the modality.
 */
export function formatDateTime(value: string | undefined): string {
  const text = value?.trim();
  if (!text) return '';
  const match = text.match(/^(\d{8})(\d{2,6}(?:\.\d{1,6})?)?([+-]\d{4})?$/);
  if (!match) return text;
  const date = formatDate(match[1]);
  return match[2] ? `${date} ${formatTime(match[2])}` : date;
}

/** The local calendar date of a JavaScript date. */
export function calendarDateOf(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** A local date as DA, "YYYYMMDD", for queries. */
export function toDicomDate(date: Date): string {
  const { year, month, day } = calendarDateOf(date);
  return `${String(year).padStart(4, '0')}${pad2(month)}${pad2(day)}`;
}

export interface Age {
  years: number;
  months: number;
  days: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Completed years, months and days from a birth date to a date (both calendar dates); undefined when
 * the birth date is after that date. Someone born on 29 February gains a year on 1 March in other years.
 */
export function ageBetween(birth: CalendarDate, on: CalendarDate): Age | undefined {
  let years = on.year - birth.year;
  let months = on.month - birth.month;
  let days = on.day - birth.day;
  if (days < 0) {
    months -= 1;
    const prevMonth = on.month === 1 ? 12 : on.month - 1;
    const prevYear = on.month === 1 ? on.year - 1 : on.year;
    days += daysInMonth(prevYear, prevMonth);
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  if (years < 0) return undefined;
  return { years, months, days };
}

/**
 * An age as clinicians write it: "58 y" from two years on, "18 mo" under two, "12 d" under a month.
 */
export function formatAge(age: Age): string {
  if (age.years >= 2) return `${age.years} y`;
  const months = age.years * 12 + age.months;
  if (months >= 1) return `${months} mo`;
  return `${age.days} d`;
}

/** The age on `on` (default: today) of someone born on the DA `birthDate`; empty when unknown. */
export function formatAgeFromBirthDate(birthDate: string | undefined, on: Date = new Date()): string {
  const birth = parseDate(birthDate);
  if (!birth) return '';
  const age = ageBetween(birth, calendarDateOf(on));
  return age ? formatAge(age) : '';
}
