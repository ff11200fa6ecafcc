import { endianness } from 'node:os';
import { DICTIONARY, type Keyword } from './dictionary';
import { demoUid } from '../uids';
import {
  CharsetError,
  charsetOfAttribute,
  encodeText as encodeInCharset,
  type CharacterSet,
} from './charsets';

/**
 * A small DICOM Part-10 writer: explicit VR little endian, attributes named by keyword (the table in
 * ./dictionary is checked against dcmtk's dictionary by a test). Other transfer syntaxes are derived
 * from its output with dcmtk and GDCM, so this writer only has to be right, not versatile.
 */

export type { CharacterSet } from './charsets';

/** A sequence written with undefined length and undefined-length items (delimitation items). */
export class UndefinedLengthSequence {
  constructor(readonly items: readonly Dataset[]) {}
}

export type Value =
  | null // present but empty (type 2)
  | string
  | number
  | readonly (string | number)[]
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | readonly Dataset[]
  | UndefinedLengthSequence;

export type Dataset = { readonly [K in Keyword]?: Value };

/** Short header (2-byte length) unless one of these (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
/** VRs whose text the Specific Character Set applies to (PS3.5 6.1.2.3); the others are ASCII. */
const CHARSET_VRS = new Set(['SH', 'LO', 'ST', 'LT', 'PN', 'UC', 'UT']);
/** Text VRs that hold one value, so a backslash is text, not a separator. */
const SINGLE_VALUE_TEXT_VRS = new Set(['LT', 'ST', 'UT', 'UR']);
/** Maximum length of one value, in characters (PS3.5 table 6.2-1); PN counts per component group. */
const MAX_LENGTH: Record<string, number> = {
  AE: 16,
  AS: 4,
  CS: 16,
  DA: 8,
  DS: 16,
  DT: 26,
  IS: 12,
  LO: 64,
  LT: 10240,
  PN: 64,
  SH: 16,
  ST: 1024,
  TM: 16,
  UI: 64,
};
const NUMERIC: Record<string, { size: number; write: (b: Buffer, v: number, at: number) => void }> = {
  US: { size: 2, write: (b, v, at) => b.writeUInt16LE(v, at) },
  SS: { size: 2, write: (b, v, at) => b.writeInt16LE(v, at) },
  UL: { size: 4, write: (b, v, at) => b.writeUInt32LE(v, at) },
  SL: { size: 4, write: (b, v, at) => b.writeInt32LE(v, at) },
  FL: { size: 4, write: (b, v, at) => b.writeFloatLE(v, at) },
  FD: { size: 8, write: (b, v, at) => b.writeDoubleLE(v, at) },
  // An attribute tag: group then element, each little endian.
  AT: {
    size: 4,
    write: (b, v, at) => {
      b.writeUInt16LE(v >>> 16, at);
      b.writeUInt16LE(v & 0xffff, at + 2);
    },
  },
};

if (endianness() !== 'LE') throw new Error('The demo DICOM writer needs a little-endian machine.');

export class DicomWriteError extends Error {}

/** A decimal string (DS) of at most 16 characters that reads back as the same number where it can. */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new DicomWriteError(`DS cannot hold ${value}`);
  const plain = String(value);
  if (plain.length <= 16 && !plain.includes('e')) return plain;
  for (let digits = 15; digits > 0; digits--) {
    const text = String(Number(value.toPrecision(digits)));
    if (text.length <= 16) return text;
  }
  throw new DicomWriteError(`DS cannot hold ${value} in 16 characters`);
}

function textOf(vr: string, value: string | number): string {
  if (typeof value === 'string') return value;
  if (vr === 'DS') return formatDecimal(value);
  if (vr === 'IS') {
    if (!Number.isInteger(value)) throw new DicomWriteError(`IS must be an integer, not ${value}`);
    return String(value);
  }
  throw new DicomWriteError(`VR ${vr} takes text, not the number ${value}`);
}

function encodeText(keyword: string, vr: string, texts: string[], charset: CharacterSet | undefined): Buffer {
  if (SINGLE_VALUE_TEXT_VRS.has(vr) && texts.length > 1)
    throw new DicomWriteError(`${keyword} (${vr}) holds one value`);
  for (const text of texts) {
    if (!SINGLE_VALUE_TEXT_VRS.has(vr) && text.includes('\\'))
      throw new DicomWriteError(`${keyword}: a backslash separates values and cannot be part of one`);
    const max = MAX_LENGTH[vr];
    const lengths = vr === 'PN' ? text.split('=').map((group) => [...group].length) : [[...text].length];
    if (max !== undefined && lengths.some((length) => length > max))
      throw new DicomWriteError(`${keyword}: "${text}" is longer than ${max} characters for ${vr}`);
  }
  const joined = texts.join('\\');
  let bytes: Buffer;
  try {
    bytes = encodeInCharset(joined, CHARSET_VRS.has(vr) ? charset : undefined, keyword);
  } catch (error) {
    if (!(error instanceof CharsetError)) throw error;
    const hint = CHARSET_VRS.has(vr)
      ? charset
        ? ''
        : '; set SpecificCharacterSet'
      : `; ${vr} allows ASCII only`;
    throw new DicomWriteError(`${error.message}${hint}`);
  }
  // UI is padded with NUL, every other text VR with a space (PS3.5 6.2).
  return padEven(bytes, vr === 'UI' ? 0x00 : 0x20);
}

function padEven(bytes: Buffer, pad: number): Buffer {
  return bytes.length % 2 === 0 ? bytes : Buffer.concat([bytes, Buffer.from([pad])]);
}

function header(tag: number, vr: string, length: number): Buffer {
  const long = LONG_VRS.has(vr);
  const out = Buffer.alloc(long ? 12 : 8);
  out.writeUInt16LE(tag >>> 16, 0);
  out.writeUInt16LE(tag & 0xffff, 2);
  out.write(vr, 4, 'latin1');
  if (long) out.writeUInt32LE(length, 8);
  else {
    if (length > 0xffff) throw new DicomWriteError(`A ${vr} value cannot be ${length} bytes long`);
    out.writeUInt16LE(length, 6);
  }
  return out;
}

const UNDEFINED = 0xffffffff;
function delimiter(element: number, length: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeUInt16LE(0xfffe, 0);
  out.writeUInt16LE(element, 2);
  out.writeUInt32LE(length, 4);
  return out;
}
const ITEM = 0xe000;
const ITEM_DELIMITATION = 0xe00d;
const SEQUENCE_DELIMITATION = 0xe0dd;

type Binary = Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
function isBinary(value: Value): value is Binary {
  return ArrayBuffer.isView(value);
}

/** The VR to write where the dictionary allows two (US or SS, OB or OW). */
function resolveVr(keyword: string, vr: string, value: Value, dataset: Dataset): string {
  switch (vr) {
    case 'xs':
      return dataset.PixelRepresentation === 1 ? 'SS' : 'US';
    case 'ox':
    case 'px':
      return value instanceof Uint8Array ? 'OB' : 'OW';
    case 'lt':
      return isBinary(value) ? 'OW' : 'US';
    case 'up':
      return 'UL';
    default:
      if (!/^[A-Z]{2}$/.test(vr)) throw new DicomWriteError(`${keyword} has no writable VR (${vr})`);
      return vr;
  }
}

function encodeValue(keyword: string, vr: string, value: Value, charset: CharacterSet | undefined): Buffer {
  if (value === null) return Buffer.alloc(0);
  if (isBinary(value)) {
    if (!['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'UN'].includes(vr))
      throw new DicomWriteError(`${keyword} (${vr}) does not take binary data`);
    if ((vr === 'OW' && value.BYTES_PER_ELEMENT !== 2) || (vr === 'OF' && !(value instanceof Float32Array)))
      throw new DicomWriteError(`${keyword} (${vr}) got ${value.constructor.name}`);
    return padEven(Buffer.from(value.buffer, value.byteOffset, value.byteLength), 0x00);
  }
  if (value instanceof UndefinedLengthSequence || (Array.isArray(value) && typeof value[0] === 'object'))
    throw new DicomWriteError(`${keyword} (${vr}) is not a sequence`);
  const values = (Array.isArray(value) ? value : [value]) as readonly (string | number)[];
  const numeric = NUMERIC[vr];
  if (numeric) {
    const out = Buffer.alloc(numeric.size * values.length);
    values.forEach((v, i) => {
      if (typeof v !== 'number') throw new DicomWriteError(`${keyword} (${vr}) takes numbers, not "${v}"`);
      numeric.write(out, v, i * numeric.size);
    });
    return out;
  }
  if (vr === 'SQ' || (LONG_VRS.has(vr) && !['UC', 'UR', 'UT'].includes(vr)))
    throw new DicomWriteError(`${keyword} (${vr}) cannot be written from ${JSON.stringify(value)}`);
  return encodeText(
    keyword,
    vr,
    values.map((v) => textOf(vr, v)),
    charset,
  );
}

function encodeSequence(
  keyword: string,
  value: Value,
  tag: number,
  charset: CharacterSet | undefined,
): Buffer[] {
  const undefinedLength = value instanceof UndefinedLengthSequence;
  const items = value instanceof UndefinedLengthSequence ? value.items : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'object' || ArrayBuffer.isView(item)))
    throw new DicomWriteError(`${keyword} is a sequence: give it items (datasets)`);
  const parts: Buffer[] = [];
  for (const item of items as Dataset[]) {
    const body = encodeDataset(item, charset);
    if (undefinedLength) parts.push(delimiter(ITEM, UNDEFINED), body, delimiter(ITEM_DELIMITATION, 0));
    else parts.push(delimiter(ITEM, body.length), body);
  }
  if (undefinedLength) {
    parts.push(delimiter(SEQUENCE_DELIMITATION, 0));
    return [header(tag, 'SQ', UNDEFINED), ...parts];
  }
  return [
    header(
      tag,
      'SQ',
      parts.reduce((n, p) => n + p.length, 0),
    ),
    ...parts,
  ];
}

/**
 * Encodes a dataset in explicit VR little endian, attributes in ascending tag order. Text is
 * encoded in the dataset's SpecificCharacterSet, or the enclosing dataset's for sequence items.
 */
export function encodeDataset(dataset: Dataset, inheritedCharset?: CharacterSet): Buffer {
  return encode(dataset, inheritedCharset, false);
}

function encode(dataset: Dataset, inheritedCharset: CharacterSet | undefined, meta: boolean): Buffer {
  let declared: CharacterSet | undefined;
  try {
    declared = charsetOfAttribute(dataset.SpecificCharacterSet);
  } catch (error) {
    throw new DicomWriteError((error as Error).message);
  }
  const charset = declared ?? inheritedCharset;
  const entries = (Object.entries(dataset) as [Keyword, Value | undefined][])
    .filter((entry): entry is [Keyword, Value] => entry[1] !== undefined)
    .map(([keyword, value]) => {
      const entry = DICTIONARY[keyword];
      if (!entry) throw new DicomWriteError(`Unknown DICOM keyword: ${keyword}`);
      return { keyword, value, tag: entry[0], vr: entry[1] as string };
    })
    .sort((a, b) => a.tag - b.tag);
  const parts: Buffer[] = [];
  for (const { keyword, value, tag, vr: dictionaryVr } of entries) {
    if (!meta && tag >>> 16 === 0x0002)
      throw new DicomWriteError(`${keyword} belongs to the file meta information, not the dataset`);
    const vr = resolveVr(keyword, dictionaryVr, value, dataset);
    if (vr === 'SQ') parts.push(...encodeSequence(keyword, value, tag, charset));
    else {
      const body = encodeValue(keyword, vr, value, charset);
      parts.push(header(tag, vr, body.length), body);
    }
  }
  return Buffer.concat(parts);
}

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** Identifies the writer of the files (PS3.7 D.3.3.2); derived like every demo UID. */
export const IMPLEMENTATION_CLASS_UID = demoUid('implementation');
export const IMPLEMENTATION_VERSION_NAME = 'FOVEA_DEMO';

/** A complete Part-10 file: 128-byte preamble, "DICM", the file meta group with its group length, the dataset. */
export function part10(dataset: Dataset): Buffer {
  const { SOPClassUID, SOPInstanceUID } = dataset;
  if (typeof SOPClassUID !== 'string' || typeof SOPInstanceUID !== 'string')
    throw new DicomWriteError('A Part-10 file needs SOPClassUID and SOPInstanceUID');
  const meta = encode(
    {
      FileMetaInformationVersion: new Uint8Array([0, 1]),
      MediaStorageSOPClassUID: SOPClassUID,
      MediaStorageSOPInstanceUID: SOPInstanceUID,
      TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
      ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
      ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
    },
    undefined,
    true,
  );
  const groupLength = encode({ FileMetaInformationGroupLength: meta.length }, undefined, true);
  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from('DICM', 'latin1'),
    groupLength,
    meta,
    encodeDataset(dataset),
  ]);
}
