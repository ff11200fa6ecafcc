/**
 * Text encoding for the Specific Character Sets the demo writes (PS3.3 C.12.1.1.2, PS3.5 6.1): the
 * single-byte ISO 8859 parts older modalities still send, UTF-8, and the ISO 2022 code extensions that
 * Japanese (JIS X 0208) and Korean (KS X 1001) names use. The byte tables come from the platform's
 * WHATWG decoders, so no mapping is typed in by hand.
 */

/** Character sets by their Defined Term; the ISO 2022 ones are code extensions over ASCII. */
export type CharacterSet =
  | 'ISO_IR 100' // Latin-1
  | 'ISO_IR 126' // Greek
  | 'ISO_IR 127' // Arabic
  | 'ISO_IR 138' // Hebrew
  | 'ISO_IR 144' // Cyrillic
  | 'ISO_IR 192' // UTF-8
  | 'ISO 2022 IR 87' // Japanese kanji and kana (JIS X 0208), G0 by escape sequences
  | 'ISO 2022 IR 149'; // Korean (KS X 1001), G1

export class CharsetError extends Error {}

const SINGLE_BYTE: Partial<Record<CharacterSet, string>> = {
  'ISO_IR 100': 'iso-8859-1',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 144': 'iso-8859-5',
};

const CHARACTER_SETS = new Set<string>([
  ...Object.keys(SINGLE_BYTE),
  'ISO_IR 192',
  'ISO 2022 IR 87',
  'ISO 2022 IR 149',
]);

const ESC = 0x1b;
/** ESC ( B: ASCII into G0 (ISO 2022 IR 6). */
const TO_ASCII = [ESC, 0x28, 0x42];
/** ESC $ B: JIS X 0208 into G0 (ISO 2022 IR 87). */
const TO_JIS_X_0208 = [ESC, 0x24, 0x42];
/** ESC $ ) C: KS X 1001 into G1 (ISO 2022 IR 149). */
const TO_KS_X_1001 = [ESC, 0x24, 0x29, 0x43];

/** Characters that end a PN component or group, or a value: the set in G0 returns to ASCII before them. */
const DELIMITERS = new Set(['^', '=', '\\', '\r', '\n', '\t', '\f']);

/** The value of the SpecificCharacterSet attribute: code extensions leave value 1 empty (= ASCII). */
export function specificCharacterSetValue(charset: CharacterSet): string | string[] {
  return charset.startsWith('ISO 2022') ? ['', charset] : charset;
}

/** The character set an attribute value names, or undefined for the default repertoire. */
export function charsetOfAttribute(value: unknown): CharacterSet | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const values = (Array.isArray(value) ? value : String(value).split('\\')).map((v) => String(v).trim());
  const named = values.filter((v) => v !== '' && v !== 'ISO 2022 IR 6');
  if (named.length === 0) return undefined;
  if (named.length > 1 || !CHARACTER_SETS.has(named[0]!))
    throw new CharsetError(`Character set ${JSON.stringify(value)} is not supported`);
  return named[0] as CharacterSet;
}

const tables = new Map<CharacterSet, Map<string, number[]>>();

/** Unicode character → its bytes, for the non-ASCII part of a character set. */
function table(charset: CharacterSet): Map<string, number[]> {
  let map = tables.get(charset);
  if (map) return map;
  map = new Map();
  const single = SINGLE_BYTE[charset];
  if (single) {
    const decoder = new TextDecoder(single);
    for (let byte = 0xa0; byte <= 0xff; byte++) {
      const char = decoder.decode(Uint8Array.of(byte));
      if (char !== '\ufffd') map.set(char, [byte]);
    }
  } else if (charset === 'ISO 2022 IR 87') {
    const decoder = new TextDecoder('iso-2022-jp');
    for (let row = 0x21; row <= 0x7e; row++)
      for (let cell = 0x21; cell <= 0x7e; cell++) {
        const char = decoder.decode(Uint8Array.of(...TO_JIS_X_0208, row, cell, ...TO_ASCII));
        if ([...char].length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [row, cell]);
      }
  } else if (charset === 'ISO 2022 IR 149') {
    // KS X 1001 in G1 is EUC-KR's two-byte range; the decoder's wider UHC ranges are left out.
    const decoder = new TextDecoder('euc-kr');
    for (let row = 0xa1; row <= 0xfe; row++)
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        const char = decoder.decode(Uint8Array.of(row, cell));
        if ([...char].length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [row, cell]);
      }
  }
  tables.set(charset, map);
  return map;
}

const isAscii = (char: string) => char.codePointAt(0)! < 0x80;

/** Encodes one text value (values already joined with backslashes) in a character set. */
export function encodeText(text: string, charset: CharacterSet | undefined, what: string): Buffer {
  if (charset === 'ISO_IR 192') return Buffer.from(text, 'utf8');
  if (charset === undefined) {
    if (/[^\x20-\x7e\r\n\t\f]/.test(text)) throw new CharsetError(`${what}: "${text}" is not ASCII`);
    return Buffer.from(text, 'latin1');
  }
  const map = table(charset);
  const out: number[] = [];
  const missing = (char: string) =>
    new CharsetError(`${what}: "${text}" has "${char}", which ${charset} cannot encode`);

  if (SINGLE_BYTE[charset]) {
    for (const char of text) {
      if (isAscii(char)) out.push(char.charCodeAt(0));
      else out.push(...(map.get(char) ?? throwError(missing(char))));
    }
  } else if (charset === 'ISO 2022 IR 87') {
    // PS3.5 6.1.2.5.3: G0 goes back to ASCII before each delimiter and at the end of the value.
    let inKanji = false;
    for (const char of text) {
      if (isAscii(char)) {
        if (inKanji) out.push(...TO_ASCII);
        inKanji = false;
        out.push(char.charCodeAt(0));
      } else {
        const bytes = map.get(char) ?? throwError(missing(char));
        if (!inKanji) out.push(...TO_JIS_X_0208);
        inKanji = true;
        out.push(...bytes);
      }
    }
    if (inKanji) out.push(...TO_ASCII);
  } else {
    // PS3.5 annex I: KS X 1001 is designated to G1 once in each component that uses it.
    let designated = false;
    for (const char of text) {
      if (isAscii(char)) {
        if (DELIMITERS.has(char)) designated = false;
        out.push(char.charCodeAt(0));
      } else {
        const bytes = map.get(char) ?? throwError(missing(char));
        if (!designated) out.push(...TO_KS_X_1001);
        designated = true;
        out.push(...bytes);
      }
    }
  }
  return Buffer.from(out);
}

function throwError(error: Error): never {
  throw error;
}
