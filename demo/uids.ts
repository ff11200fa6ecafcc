import { createHash } from 'node:crypto';

/**
 * A stable UID for a readable key ("ct/series/1/instance/37"): the 2.25 root followed by the first
 * 128 bits of the SHA-256 of "fovea-demo/<key>" as a decimal integer (PS3.5 B.2). Every build of the
 * demo data therefore gives the same UIDs, and tests can name an instance without reading files.
 */
export function demoUid(key: string): string {
  const digest = createHash('sha256').update(`fovea-demo/${key}`).digest('hex').slice(0, 32);
  return `2.25.${BigInt(`0x${digest}`).toString()}`;
}

/** PS3.5 9.1: digits and dots, no empty or zero-led components, at most 64 characters. */
export function isValidUid(uid: string): boolean {
  return uid.length <= 64 && /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/.test(uid);
}

const two = (n: number) => String(n).padStart(2, '0');

/** DICOM DA of a JavaScript date, in the local calendar (the clinic's "today"). */
export function dicomDate(date: Date): string {
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}`;
}

/** UIDs of the demo hierarchy, keyed by the study's key in the catalog and series/instance numbers. */
export const studyUid = (study: string) => demoUid(`study/${study}`);
export const seriesUid = (study: string, series: number) => demoUid(`study/${study}/series/${series}`);
export const instanceUid = (study: string, series: number, instance: number) =>
  demoUid(`study/${study}/series/${series}/instance/${instance}`);
