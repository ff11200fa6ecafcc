import { readFileSync } from 'node:fs';

/**
 * A small DICOM Part-10 writer (explicit VR little endian). Attributes are named by keyword; tags and
 * VRs come from the DICOM dictionary that dcmtk installs, so a misspelt keyword fails loudly.
 */
const DICTIONARY_FILE = '/usr/share/libdcmtk17/dicom.dic';

export type Value =
  string | number | readonly (string | number)[] | Uint8Array | Int16Array | Uint16Array | Dataset[];
export interface Dataset {
  [keyword: string]: Value | undefined;
}

interface Entry {
  tag: number;
  vr: string;
}

let dictionary: Map<string, Entry> | undefined;
function lookup(keyword: string): Entry {
  if (!dictionary) {
    dictionary = new Map();
    for (const line of readFileSync(DICTIONARY_FILE, 'latin1').split('\n')) {
      const match = /^\(([0-9A-F]{4}),([0-9A-F]{4})\)\s+(\S+)\s+(\S+)/i.exec(line);
      if (match)
        dictionary.set(match[4]!, { tag: parseInt(match[1]! + match[2]!, 16), vr: match[3]!.slice(0, 2) });
    }
  }
  const entry = dictionary.get(keyword);
  if (!entry) throw new Error(`Unknown DICOM keyword: ${keyword}`);
  return entry;
}

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'SQ', 'UC', 'UR', 'UT', 'UN']);
const TEXT_VRS = new Set([
  'AE',
  'AS',
  'CS',
  'DA',
  'DS',
  'DT',
  'IS',
  'LO',
  'LT',
  'PN',
  'SH',
  'ST',
  'TM',
  'UC',
  'UR',
  'UT',
]);

export type CharacterSet = 'ISO_IR 192' | 'ISO_IR 100';

function encodeText(text: string, charset: CharacterSet): Buffer {
  return charset === 'ISO_IR 100' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
}

function pad(bytes: Buffer, vr: string): Buffer {
  if (bytes.length % 2 === 0) return bytes;
  return Buffer.concat([bytes, Buffer.from([vr === 'UI' || vr === 'OB' ? 0 : 0x20])]);
}

function valueBytes(vr: string, value: Value, charset: CharacterSet): Buffer {
  if (value instanceof Uint8Array || value instanceof Int16Array || value instanceof Uint16Array) {
    return pad(Buffer.from(value.buffer, value.byteOffset, value.byteLength), vr);
  }
  const values = (Array.isArray(value) ? value : [value]) as (string | number)[];
  switch (vr) {
    case 'US': {
      const out = Buffer.alloc(2 * values.length);
      values.forEach((v, i) => out.writeUInt16LE(Number(v), 2 * i));
      return out;
    }
    case 'SS': {
      const out = Buffer.alloc(2 * values.length);
      values.forEach((v, i) => out.writeInt16LE(Number(v), 2 * i));
      return out;
    }
    case 'UL': {
      const out = Buffer.alloc(4 * values.length);
      values.forEach((v, i) => out.writeUInt32LE(Number(v), 4 * i));
      return out;
    }
    case 'FL': {
      const out = Buffer.alloc(4 * values.length);
      values.forEach((v, i) => out.writeFloatLE(Number(v), 4 * i));
      return out;
    }
    case 'FD': {
      const out = Buffer.alloc(8 * values.length);
      values.forEach((v, i) => out.writeDoubleLE(Number(v), 8 * i));
      return out;
    }
    case 'AT': {
      const out = Buffer.alloc(4 * values.length);
      values.forEach((v, i) => {
        out.writeUInt16LE(Number(v) >>> 16, 4 * i);
        out.writeUInt16LE(Number(v) & 0xffff, 4 * i + 2);
      });
      return out;
    }
    default:
      if (!TEXT_VRS.has(vr) && vr !== 'UI') throw new Error(`Cannot write VR ${vr} from text`);
      return pad(encodeText(values.map(String).join('\\'), charset), vr);
  }
}

function header(tag: number, vr: string, length: number): Buffer {
  const long = LONG_VRS.has(vr);
  const out = Buffer.alloc(long ? 12 : 8);
  out.writeUInt16LE(tag >>> 16, 0);
  out.writeUInt16LE(tag & 0xffff, 2);
  out.write(vr, 4, 'latin1');
  if (long) out.writeUInt32LE(length, 8);
  else out.writeUInt16LE(length, 6);
  return out;
}

/** Encodes a dataset (sorted by tag), explicit VR little endian. */
export function encodeDataset(dataset: Dataset, charset?: CharacterSet): Buffer {
  const set = charset ?? ((dataset.SpecificCharacterSet as CharacterSet | undefined) || 'ISO_IR 192');
  const entries = Object.entries(dataset)
    .filter((entry): entry is [string, Value] => entry[1] !== undefined)
    .map(([keyword, value]) => ({ keyword, value, ...lookup(keyword) }))
    .sort((a, b) => a.tag - b.tag);
  const parts: Buffer[] = [];
  for (const { tag, value, vr: dictionaryVr } of entries) {
    // The dictionary leaves some VRs open ("px", "ox" for pixel data, "xs" for US or SS).
    let vr = dictionaryVr;
    if (vr === 'px' || vr === 'ox') vr = value instanceof Uint8Array ? 'OB' : 'OW';
    if (vr === 'xs') vr = 'US';
    if (vr === 'SQ') {
      const items = (value as Dataset[]).map((item) => {
        const body = encodeDataset(item, set);
        const itemHeader = Buffer.alloc(8);
        itemHeader.writeUInt16LE(0xfffe, 0);
        itemHeader.writeUInt16LE(0xe000, 2);
        itemHeader.writeUInt32LE(body.length, 4);
        return Buffer.concat([itemHeader, body]);
      });
      const body = Buffer.concat(items);
      parts.push(header(tag, 'SQ', body.length), body);
    } else {
      const body = valueBytes(vr, value, set);
      parts.push(header(tag, vr, body.length), body);
    }
  }
  return Buffer.concat(parts);
}

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const IMPLEMENTATION_CLASS_UID = '1.2.826.0.1.3680043.10.1524.1';

/** A complete Part-10 file: preamble, "DICM", the file meta group with its length, the dataset. */
export function part10(dataset: Dataset): Buffer {
  const meta = encodeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]),
    MediaStorageSOPClassUID: dataset.SOPClassUID as string,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID as string,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: 'FOVEA_DEMO_1',
  });
  const groupLength = encodeDataset({ FileMetaInformationGroupLength: meta.length });
  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from('DICM', 'latin1'),
    groupLength,
    meta,
    encodeDataset(dataset),
  ]);
}
