import { describe, expect, it } from 'vitest';
import { firstPartOf, multipartBoundaryOf, takeFramePart } from './framePart';

const BOUNDARY = 'c67e9031-9247-42a1-be3c-3048090c7d23';
const MULTIPART = `multipart/related; type="application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"; boundary=${BOUNDARY}`;
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

function message(parts: Array<{ headers: string[]; body: Uint8Array }>, boundary = BOUNDARY, preamble = '') {
  const chunks: Uint8Array[] = [new TextEncoder().encode(preamble)];
  for (const part of parts) {
    chunks.push(new TextEncoder().encode(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`), part.body);
    chunks.push(new TextEncoder().encode('\r\n'));
  }
  chunks.push(new TextEncoder().encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out.buffer;
}

/** Pixel data that holds CR, LF and dashes, and even the boundary text without its leading CRLF. */
function awkwardPixels(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7919) % 256;
  bytes.set(new TextEncoder().encode(`\r\n\r\n--\r-${BOUNDARY}`), 100);
  return bytes;
}

const asBytes = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer));

describe('multipartBoundaryOf', () => {
  it('reads the boundary, quoted or not, and only of a multipart type', () => {
    expect(multipartBoundaryOf(MULTIPART)).toBe(BOUNDARY);
    expect(multipartBoundaryOf('multipart/related; boundary="a b:c"; type=application/octet-stream')).toBe(
      'a b:c',
    );
    expect(multipartBoundaryOf('Multipart/Related;Boundary=xyz')).toBe('xyz');
    expect(multipartBoundaryOf('application/octet-stream; boundary=xyz')).toBeUndefined();
    expect(multipartBoundaryOf('multipart/related; type="application/octet-stream"')).toBeUndefined();
    expect(multipartBoundaryOf(null)).toBeUndefined();
  });
});

describe('firstPartOf', () => {
  it("cuts out the frame and reads the part's Content-Type and transfer syntax", () => {
    const pixels = awkwardPixels(64 * 1024);
    const response = message([
      {
        headers: [
          'Content-Location: http://pacs/dicom-web/studies/1/series/2/instances/3/frames/1',
          `Content-Type: application/octet-stream; transfer-syntax=${EXPLICIT_LE}`,
          `Content-Length: ${pixels.length}`,
        ],
        body: pixels,
      },
    ]);
    const part = firstPartOf(response, MULTIPART)!;
    expect(part.contentType).toBe(`application/octet-stream; transfer-syntax=${EXPLICIT_LE}`);
    expect(part.transferSyntaxUid).toBe(EXPLICIT_LE);
    expect(part.body.byteLength).toBe(pixels.length);
    expect(asBytes(part.body)).toEqual(Array.from(pixels));
  });

  it('takes only the first part of a message with several', () => {
    const first = new Uint8Array([1, 2, 3, 13, 10]);
    const response = message([
      { headers: ['content-type: image/jls; transfer-syntax="1.2.840.10008.1.2.4.80"'], body: first },
      { headers: ['Content-Type: application/octet-stream'], body: new Uint8Array([9, 9]) },
    ]);
    const part = firstPartOf(response, MULTIPART)!;
    expect(asBytes(part.body)).toEqual([1, 2, 3, 13, 10]);
    expect(part.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.80');
  });

  it('reads a part without a Content-Type as an octet stream with no transfer syntax', () => {
    const response = message([{ headers: ['Content-Length: 2'], body: new Uint8Array([7, 8]) }]);
    const part = firstPartOf(response, MULTIPART)!;
    expect(part.contentType).toBe('application/octet-stream');
    expect(part.transferSyntaxUid).toBeUndefined();
    expect(asBytes(part.body)).toEqual([7, 8]);
  });

  it('gives an empty part as empty, for the loader to report a frame without pixels', () => {
    const empty = message([{ headers: ['Content-Type: application/octet-stream'], body: new Uint8Array() }]);
    expect(firstPartOf(empty, MULTIPART)!.body.byteLength).toBe(0);
  });

  it('skips a preamble before the first boundary line', () => {
    const response = message(
      [{ headers: ['Content-Type: application/octet-stream'], body: new Uint8Array([5]) }],
      BOUNDARY,
      'This is a preamble.\r\n',
    );
    expect(asBytes(firstPartOf(response, MULTIPART)!.body)).toEqual([5]);
  });

  it('leaves alone what is not a well-formed multipart message', () => {
    const good = message([
      { headers: ['Content-Type: application/octet-stream'], body: new Uint8Array([1]) },
    ]);
    expect(firstPartOf(good, 'application/octet-stream')).toBeUndefined();
    expect(firstPartOf(good, 'multipart/related; boundary=another')).toBeUndefined();
    const unclosed = new TextEncoder().encode(`--${BOUNDARY}\r\nContent-Type: x\r\n\r\n\u0001\u0002`).buffer;
    expect(firstPartOf(unclosed, MULTIPART)).toBeUndefined();
    const noHeaderEnd = new TextEncoder().encode(
      `--${BOUNDARY}\r\nContent-Type: x\r\n--${BOUNDARY}--`,
    ).buffer;
    expect(firstPartOf(noHeaderEnd, MULTIPART)).toBeUndefined();
  });
});

describe('takeFramePart', () => {
  const request = (response: unknown, contentType: string | null) => {
    const headers: Record<string, string | null> = { 'content-type': contentType, 'content-length': '12' };
    return {
      response,
      getResponseHeader: (name: string) => headers[name.toLowerCase()] ?? null,
    };
  };

  it("gives the loader the frame, and the part's type as the response's", () => {
    const xhr = request(
      message([
        {
          headers: [`Content-Type: application/octet-stream; transfer-syntax=${EXPLICIT_LE}`],
          body: new Uint8Array([4, 2]),
        },
      ]),
      MULTIPART,
    );
    const part = takeFramePart(xhr)!;
    expect(asBytes(part.body)).toEqual([4, 2]);
    expect(xhr.getResponseHeader('Content-Type')).toBe(
      `application/octet-stream; transfer-syntax=${EXPLICIT_LE}`,
    );
    expect(xhr.getResponseHeader('Content-Length')).toBe('12');
  });

  it('leaves a response it cannot read as it was', () => {
    const xhr = request(new Uint8Array([1, 2]).buffer, 'application/dicom');
    expect(takeFramePart(xhr)).toBeUndefined();
    expect(xhr.getResponseHeader('Content-Type')).toBe('application/dicom');
    expect(takeFramePart(request('text', MULTIPART))).toBeUndefined();
  });
});
