import { createHash } from 'node:crypto';

/**
 * A stable UID for a readable key ("ct/series/1"), so that every build of the demo data gives the same
 * UIDs: the 2.25 root followed by 128 bits of the key's SHA-256, as PS3.5 §B.2 allows.
 */
export function demoUid(key: string): string {
  const digest = createHash('sha256').update(`fovea-demo/${key}`).digest('hex').slice(0, 32);
  return `2.25.${BigInt(`0x${digest}`).toString()}`;
}

/** DICOM DA for a JavaScript date (local calendar day). */
export function dicomDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
