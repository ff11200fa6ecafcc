import { describe, expect, it } from 'vitest';
import { MultipartError, MultipartReader, multipartBoundaryOf, type MultipartPart } from './multipartReader';

const BOUNDARY = 'a1b2-c3d4';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** A body that holds CR LF and the start of the boundary, as a DICOM file may. */
function body(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  if (length > 12) bytes.set(ascii(`\r\n--${BOUNDARY.slice(0, 4)}`), 3);
  return bytes;
}

/** A multipart/related answer as an archive sends it, with or without Content-Length per part. */
function message(parts: Array<{ body: Uint8Array; sized: boolean }>, preamble = ''): Uint8Array {
  const pieces: Uint8Array[] = [ascii(preamble)];
  parts.forEach((part, i) => {
    const headers = `Content-Type: application/dicom\r\n${part.sized ? `Content-Length: ${part.body.length}\r\n` : ''}MIME-Version: 1.0\r\n`;
    pieces.push(ascii(`${i === 0 && !preamble ? '' : '\r\n'}--${BOUNDARY}\r\n${headers}\r\n`), part.body);
  });
  pieces.push(ascii(`\r\n--${BOUNDARY}--\r\n`));
  return concat(pieces);
}

function read(pieces: Uint8Array[]): MultipartPart[] {
  const reader = new MultipartReader(BOUNDARY);
  const parts: MultipartPart[] = [];
  for (const piece of pieces) parts.push(...reader.write(piece));
  reader.end();
  return parts;
}

const PARTS = [
  { body: body(300, 1), sized: true },
  { body: body(257, 2), sized: false },
  { body: new Uint8Array(0), sized: true },
  { body: body(40, 3), sized: false },
  { body: body(90, 4), sized: true },
];

describe('MultipartReader', () => {
  it('reads every part, with and without Content-Length, whole or cut at any byte', () => {
    const bytes = message(PARTS);
    const expected = PARTS.map((part) => [...part.body]);
    expect(read([bytes]).map((part) => [...part.body])).toEqual(expected);
    for (let at = 0; at <= bytes.length; at++) {
      const parts = read([bytes.subarray(0, at), bytes.subarray(at)]);
      expect(
        parts.map((part) => [...part.body]),
        `cut at ${at}`,
      ).toEqual(expected);
    }
  });

  it('reads a message that comes one byte at a time', () => {
    const bytes = message(PARTS, 'This is a preamble.\r\n');
    const pieces = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(read(pieces).map((part) => [...part.body])).toEqual(PARTS.map((part) => [...part.body]));
  });

  it('gives the headers of each part, names in lower case', () => {
    const [part] = read([message([{ body: body(20, 5), sized: true }])]);
    expect(part?.headers.get('content-type')).toBe('application/dicom');
    expect(part?.headers.get('content-length')).toBe('20');
  });

  it('hands over each part as soon as its last byte is in', () => {
    const bytes = message([
      { body: body(100, 1), sized: true },
      { body: body(100, 2), sized: false },
    ]);
    const reader = new MultipartReader(BOUNDARY);
    // The first sized part is complete after its last byte; the open one once the boundary after it is in.
    const text = new TextDecoder('latin1').decode(bytes);
    const firstEnd = text.indexOf('\r\n\r\n') + 4 + 100;
    expect(reader.write(bytes.subarray(0, firstEnd - 1))).toHaveLength(0);
    expect(reader.write(bytes.subarray(firstEnd - 1, firstEnd))).toHaveLength(1);
    expect(reader.parts).toBe(1);
    const lastBoundary = text.lastIndexOf(`\r\n--${BOUNDARY}--`);
    expect(reader.write(bytes.subarray(firstEnd, lastBoundary + 3))).toHaveLength(0);
    expect(reader.write(bytes.subarray(lastBoundary + 3))).toHaveLength(1);
    reader.end();
  });

  it('ignores what comes after the closing boundary', () => {
    const bytes = concat([message(PARTS), ascii('epilogue\r\n--' + BOUNDARY + '\r\nx')]);
    expect(read([bytes])).toHaveLength(PARTS.length);
  });

  it('fails clearly on an answer that is cut off', () => {
    const bytes = message(PARTS);
    for (const at of [0, 20, 200, bytes.length - 3]) {
      expect(() => read([bytes.subarray(0, at)]), `cut at ${at}`).toThrow(MultipartError);
    }
    expect(() => read([bytes.subarray(0, 200)])).toThrow(/ended in the middle of part 1/);
    expect(() => read([new Uint8Array(0)])).toThrow(/not a multipart message/);
  });

  it('fails clearly on malformed parts', () => {
    const sized = message([{ body: body(30, 1), sized: true }]);
    const longer = ascii(
      new TextDecoder('latin1').decode(sized).replace('Content-Length: 30', 'Content-Length: 20'),
    );
    expect(() => read([longer])).toThrow(/more bytes than its Content-Length/);
    const notNumber = ascii(
      new TextDecoder('latin1').decode(sized).replace('Content-Length: 30', 'Content-Length: 3x'),
    );
    expect(() => read([notNumber])).toThrow(/is not a number/);
    expect(() => read([ascii(`--${BOUNDARY}xx\r\n`)])).toThrow(/boundary line/);
    expect(() => read([ascii(`--${BOUNDARY}\r\nno colon here\r\n\r\n`)])).toThrow(
      /header line without a name/,
    );
    expect(() => read([ascii(`--${BOUNDARY}\r\nX: ${'y'.repeat(20_000)}`)])).toThrow(/headers never end/);
    expect(() => read([ascii('x'.repeat(70_000))])).toThrow(/no boundary/);
  });

  it('needs a boundary', () => {
    expect(() => new MultipartReader('')).toThrow(MultipartError);
  });
});

describe('multipartBoundaryOf', () => {
  it('reads the boundary, quoted or not', () => {
    expect(multipartBoundaryOf('multipart/related; type="application/dicom"; boundary="a b"')).toBe('a b');
    expect(multipartBoundaryOf('Multipart/Related;boundary=xyz;type=application/dicom')).toBe('xyz');
    expect(multipartBoundaryOf('application/dicom')).toBeUndefined();
    expect(multipartBoundaryOf(null)).toBeUndefined();
  });
});
