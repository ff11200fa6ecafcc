import { tagOf, type AttributeKey } from './tags';

/** A Person Name value in DICOM JSON (PS3.18 F.2.2): up to three component groups. */
export interface PersonNameJson {
  Alphabetic?: string;
  Ideographic?: string;
  Phonetic?: string;
}

/** One attribute of a DICOM JSON dataset (PS3.18 F.2.2). */
export interface DicomJsonAttribute {
  vr: string;
  Value?: Array<string | number | PersonNameJson | DicomJsonDataset | null>;
  BulkDataURI?: string;
  InlineBinary?: string;
}

/** A dataset in DICOM JSON: attributes keyed by tag ("0020000D"). */
export type DicomJsonDataset = Record<string, DicomJsonAttribute>;

export function getAttribute(dataset: DicomJsonDataset, key: AttributeKey): DicomJsonAttribute | undefined {
  return dataset[tagOf(key)];
}

/** True when the attribute is present, even without a value (e.g. pixel data given by BulkDataURI). */
export function hasAttribute(dataset: DicomJsonDataset, key: AttributeKey): boolean {
  return getAttribute(dataset, key) !== undefined;
}

/** Shared by every absent attribute: a worklist reads thousands of them. */
const NO_VALUES: readonly unknown[] = Object.freeze([]);

function values(dataset: DicomJsonDataset, key: AttributeKey): readonly unknown[] {
  return getAttribute(dataset, key)?.Value ?? NO_VALUES;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The values of a string-like attribute, trimmed. Numbers are turned into text because archives differ
 * in how they write IS and DS (Orthanc writes numbers, others strings).
 */
export function getStrings(dataset: DicomJsonDataset, key: AttributeKey): string[] {
  return values(dataset, key)
    .map(asText)
    .filter((v): v is string => v !== undefined)
    .map((v) => v.trim());
}

/** The first value of a string-like attribute, trimmed; undefined when absent or empty. */
export function getString(dataset: DicomJsonDataset, key: AttributeKey): string | undefined {
  const first = asText(values(dataset, key)[0])?.trim();
  return first ? first : undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The numeric values of an IS, DS, US, UL, FL … attribute; values that are not numbers are left out. */
export function getNumbers(dataset: DicomJsonDataset, key: AttributeKey): number[] {
  return values(dataset, key)
    .map(asNumber)
    .filter((v): v is number => v !== undefined);
}

export function getNumber(dataset: DicomJsonDataset, key: AttributeKey): number | undefined {
  return asNumber(values(dataset, key)[0]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first Person Name value. A plain string (as some archives write PN) is split into its
 * component groups at "=".
 */
export function getPersonName(dataset: DicomJsonDataset, key: AttributeKey): PersonNameJson | undefined {
  const first = values(dataset, key)[0];
  if (typeof first === 'string') {
    const [alphabetic, ideographic, phonetic] = first.split('=');
    return { Alphabetic: alphabetic, Ideographic: ideographic, Phonetic: phonetic };
  }
  return isObject(first) ? (first as PersonNameJson) : undefined;
}

/** The items of a sequence (SQ) attribute. */
export function getSequence(dataset: DicomJsonDataset, key: AttributeKey): DicomJsonDataset[] {
  const attribute = getAttribute(dataset, key);
  if (attribute?.vr !== 'SQ') return [];
  return (attribute.Value ?? []).filter((item): item is DicomJsonDataset => isObject(item));
}
