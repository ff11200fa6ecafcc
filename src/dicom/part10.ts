/**
 * Where the pixels of a DICOM Part-10 file lie, read without a DICOM library: only what it takes to
 * hand a file's native (uncompressed, little endian) frames to the image decoder as they are.
 */

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** The uncompressed little-endian transfer syntaxes: a frame's bytes are its pixel values as they are. */
export const NATIVE_LITTLE_ENDIAN: ReadonlySet<string> = new Set([
  IMPLICIT_VR_LITTLE_ENDIAN,
  EXPLICIT_VR_LITTLE_ENDIAN,
]);

/** A Part-10 file whose Pixel Data is native little endian. */
export interface NativePixelData {
  /** Media Storage SOP Instance UID (0002,0003). */
  sopInstanceUid: string;
  /** (0002,0010): one of the two little endian syntaxes. */
  transferSyntaxUid: string;
  /** Where the Pixel Data (7FE0,0010) value starts in the file, and its length in bytes. */
  offset: number;
  length: number;
}

const PREAMBLE = 128;
const UNDEFINED_LENGTH = 0xffffffff;
const PIXEL_DATA = 0x7fe00010;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
/** Sequences nest a few levels in real files; far deeper is a broken or hostile file. */
const MAX_DEPTH = 32;
/** VRs whose explicit length has 4 bytes after 2 reserved ones (PS3.5 7.1.2); the others have 2. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** The file is not what its lengths say; the reader gives up on it. */
class Unreadable extends Error {}

class Cursor {
  constructor(
    readonly view: DataView,
    public at: number,
  ) {}

  need(bytes: number): void {
    if (this.at + bytes > this.view.byteLength) throw new Unreadable();
  }

  tag(): number {
    this.need(4);
    const tag = ((this.view.getUint16(this.at, true) << 16) | this.view.getUint16(this.at + 2, true)) >>> 0;
    this.at += 4;
    return tag;
  }

  vr(): string {
    this.need(2);
    const vr = String.fromCharCode(this.view.getUint8(this.at), this.view.getUint8(this.at + 1));
    this.at += 2;
    return vr;
  }

  uint16(): number {
    this.need(2);
    const value = this.view.getUint16(this.at, true);
    this.at += 2;
    return value;
  }

  uint32(): number {
    this.need(4);
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  skip(bytes: number): void {
    this.need(bytes);
    this.at += bytes;
  }
}

interface ElementHeader {
  tag: number;
  /** Absent in implicit VR and for items and delimiters. */
  vr: string | undefined;
  length: number;
}

/** Reads an element's tag, VR and length; the cursor is left at its value. */
function readHeader(cursor: Cursor, explicit: boolean): ElementHeader {
  const tag = cursor.tag();
  // Items and delimiters have no VR in any transfer syntax.
  if (!explicit || tag >>> 16 === 0xfffe) return { tag, vr: undefined, length: cursor.uint32() };
  const vr = cursor.vr();
  if (LONG_VRS.has(vr)) {
    cursor.skip(2);
    return { tag, vr, length: cursor.uint32() };
  }
  return { tag, vr, length: cursor.uint16() };
}

/**
 * Skips an element of undefined length, which is a sequence: its items, each of defined length or
 * ended by an item delimiter, up to the sequence delimiter. A UN element of undefined length holds its
 * items in implicit VR (PS3.5 6.2.2).
 */
function skipSequence(cursor: Cursor, explicit: boolean, depth: number): void {
  if (depth > MAX_DEPTH) throw new Unreadable();
  for (;;) {
    const { tag, length } = readHeader(cursor, false);
    if (tag === SEQUENCE_END) return;
    if (tag !== ITEM) throw new Unreadable();
    if (length !== UNDEFINED_LENGTH) {
      cursor.skip(length);
      continue;
    }
    for (;;) {
      const element = readHeader(cursor, explicit);
      if (element.tag === ITEM_END) break;
      skipValue(cursor, element, explicit, depth);
    }
  }
}

function skipValue(cursor: Cursor, element: ElementHeader, explicit: boolean, depth: number): void {
  if (element.length !== UNDEFINED_LENGTH) cursor.skip(element.length);
  else skipSequence(cursor, explicit && element.vr !== 'UN', depth + 1);
}

/** A UI value without its padding (a trailing NUL or space). */
function uidAt(view: DataView, at: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(at + i));
  return text.replace(/[\0 ]+$/, '');
}

/**
 * The SOP Instance UID, transfer syntax and Pixel Data of a Part-10 file whose pixels are native
 * little endian (implicit or explicit VR), found by walking its elements by their lengths, sequences
 * of undefined length included: bytes that look like a tag inside a value are never taken for one.
 * Undefined for anything else — compressed (encapsulated) pixels, big endian, deflated, no Pixel Data,
 * or a file whose lengths do not add up — which is then loaded another way.
 */
export function nativePixelDataOf(file: Uint8Array): NativePixelData | undefined {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < PREAMBLE + 4 || uidAt(view, PREAMBLE, 4) !== 'DICM') return undefined;
  try {
    const cursor = new Cursor(view, PREAMBLE + 4);
    let sopInstanceUid: string | undefined;
    let transferSyntaxUid: string | undefined;
    // The file meta information is explicit VR little endian whatever the data set's syntax.
    while (cursor.at + 4 <= file.length && view.getUint16(cursor.at, true) === 0x0002) {
      const element = readHeader(cursor, true);
      if (element.length === UNDEFINED_LENGTH) return undefined;
      cursor.need(element.length);
      if (element.tag === 0x00020003) sopInstanceUid = uidAt(view, cursor.at, element.length);
      if (element.tag === 0x00020010) transferSyntaxUid = uidAt(view, cursor.at, element.length);
      cursor.skip(element.length);
    }
    if (!sopInstanceUid || !transferSyntaxUid) return undefined;
    if (!NATIVE_LITTLE_ENDIAN.has(transferSyntaxUid)) return undefined;
    const explicit = transferSyntaxUid === EXPLICIT_VR_LITTLE_ENDIAN;

    while (cursor.at < file.length) {
      const element = readHeader(cursor, explicit);
      if (element.tag === PIXEL_DATA) {
        // Undefined length: encapsulated (compressed) frames, which only a codec reads.
        if (element.length === UNDEFINED_LENGTH) return undefined;
        cursor.need(element.length);
        return { sopInstanceUid, transferSyntaxUid, offset: cursor.at, length: element.length };
      }
      // Elements come in tag order: past Pixel Data's place there is none.
      if (element.tag > PIXEL_DATA) return undefined;
      skipValue(cursor, element, explicit, 0);
    }
    return undefined;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/**
 * The frames of native Pixel Data, each in a buffer of its own (the decoder copies what it is given
 * whole, buffer and all), or undefined when the Pixel Data is shorter than `count` frames of
 * `frameLength` bytes. Pixel Data may be longer: an odd length is padded to an even one.
 */
export function nativeFramesOf(
  file: Uint8Array,
  pixelData: Pick<NativePixelData, 'offset' | 'length'>,
  frameLength: number,
  count: number,
): ArrayBuffer[] | undefined {
  if (!(frameLength > 0) || !(count > 0) || pixelData.length < frameLength * count) return undefined;
  if (pixelData.offset + pixelData.length > file.length) return undefined;
  return Array.from({ length: count }, (_, i) => {
    const start = file.byteOffset + pixelData.offset + i * frameLength;
    return file.buffer.slice(start, start + frameLength) as ArrayBuffer;
  });
}
