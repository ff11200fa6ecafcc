import { describe, expect, it } from 'vitest';
import { JsonArrayError, JsonArrayReader } from './jsonArrayReader';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Everything the reader hands over for `bytes` cut into the given pieces. */
function readPieces(pieces: Uint8Array[]): unknown[] {
  const reader = new JsonArrayReader();
  const out: unknown[] = [];
  for (const piece of pieces) out.push(...reader.write(piece));
  out.push(...reader.end());
  expect(reader.elements).toBe(out.length);
  return out;
}

/** The bytes cut at `at`, and then at every byte. */
function cutAt(bytes: Uint8Array, at: number): Uint8Array[] {
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

const WORKITEM = {
  '00080005': { vr: 'CS', Value: ['ISO_IR 192'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Müller^Jürgen', Ideographic: '山田^太郎' }] },
  '00100020': { vr: 'LO', Value: ['FOV"00\\1'] },
  '00404005': { vr: 'DT', Value: ['20270104070000'] },
  '0040A370': {
    vr: 'SQ',
    Value: [{ '00080050': { vr: 'SH', Value: ['A[1]{2},3'] }, '00321060': { vr: 'LO' } }],
  },
  '00741000': { vr: 'CS', Value: ['SCHEDULED'] },
};

/** Every kind of element a JSON array may hold, with escapes, non-ASCII text and awkward spacing. */
const AWKWARD = ` \r\n[ ${JSON.stringify(WORKITEM, null, 1)} ,\t{"a\\"]}":"\\\\","b":[[],{}]},"\\u00e9\\"x\\\\",-1.5e3,true , false,null,[],{},"👁 ",12 ] \n`;

describe('JsonArrayReader', () => {
  it('reads what JSON.parse reads, whole or cut at any byte', () => {
    const bytes = utf8(AWKWARD);
    const expected = JSON.parse(AWKWARD) as unknown[];
    expect(readPieces([bytes])).toEqual(expected);
    for (let at = 0; at <= bytes.length; at++) {
      expect(readPieces(cutAt(bytes, at)), `cut at byte ${at}`).toEqual(expected);
    }
  });

  it('reads an answer arriving one byte at a time, escaped quotes and multi-byte characters included', () => {
    const text = JSON.stringify([WORKITEM, 'a\\"b', WORKITEM, '\\\\', { x: '\\' }, 'éü山👁']);
    const bytes = utf8(text);
    const pieces = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(readPieces(pieces)).toEqual(JSON.parse(text));
  });

  it('hands over each element as soon as its last byte is in', () => {
    const reader = new JsonArrayReader();
    const first = JSON.stringify(WORKITEM);
    expect(reader.write(utf8(`[${first.slice(0, 40)}`))).toEqual([]);
    expect(reader.write(utf8(`${first.slice(40)},{"next":`))).toEqual([WORKITEM]);
    expect(reader.write(utf8('1}]'))).toEqual([{ next: 1 }]);
    expect(reader.end()).toEqual([]);
  });

  it('loses nothing from a large answer cut into uneven pieces', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({
      ...WORKITEM,
      '00080018': { vr: 'UI', Value: [`1.2.3.${i}`] },
    }));
    const bytes = utf8(JSON.stringify(items));
    const pieces: Uint8Array[] = [];
    for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7 + 3) % 9973) {
      pieces.push(bytes.subarray(at, at + size));
    }
    const read = readPieces(pieces) as (typeof items)[number][];
    expect(read).toHaveLength(items.length);
    expect(read).toEqual(items);
  });

  it('reads an empty array', () => {
    expect(readPieces([utf8(' [ ] ')])).toEqual([]);
  });

  it.each([
    ['', /empty, not a JSON array/],
    ['   ', /empty, not a JSON array/],
    ['{"error":"busy"}', /expected a JSON array, found "\{"/],
    ['[{"a":1}', /ends inside the array/],
    ['[{"a":"b', /ends inside the array/],
    ['[1,2', /ends inside the array/],
    ['[{"a":1},]', /expected an element after ","/],
    ['[,1]', /expected an element after ","/],
    ['[{"a":1} {"b":2}]', /expected "," or "\]" after element 1/],
    ['[1]]', /after the end of the array/],
    ['[1] x', /after the end of the array/],
    ['[{"a":1,}]', /not valid JSON/],
    ['[{"a":1]]', /not valid JSON/],
    ['[tru]', /not valid JSON/],
    ['[{"a":\'b\'}]', /not valid JSON/],
    ['[\u00a01]', /not valid JSON/],
  ])('refuses %j with a clear error', (text, message) => {
    const read = () => readPieces([utf8(text)]);
    expect(read).toThrow(JsonArrayError);
    expect(read).toThrow(message);
    // Whichever byte the answer is cut at, the same answer is refused.
    const bytes = utf8(text);
    for (let at = 0; at <= bytes.length; at++)
      expect(() => readPieces(cutAt(bytes, at))).toThrow(JsonArrayError);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => readPieces([utf8('["a'), new Uint8Array([0xff, 0xfe]), utf8('"]')])).toThrow(/not UTF-8/);
    // A character cut off by the end of the answer.
    expect(() => readPieces([utf8('["é'), utf8('"]').subarray(0, 0), utf8('é').subarray(0, 1)])).toThrow(
      JsonArrayError,
    );
  });
});
