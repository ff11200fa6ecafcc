import { describe, expect, it } from 'vitest';
import { boundaryOf, multipartBodies } from './multipart';

const message = (boundary: string, bodies: Uint8Array[]) => {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const body of bodies) {
    chunks.push(encoder.encode(`--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`), body);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
};

describe('boundaryOf', () => {
  it('reads quoted and bare boundaries', () => {
    expect(boundaryOf('multipart/related; type="application/octet-stream"; boundary="abc 1"')).toBe('abc 1');
    expect(boundaryOf('multipart/related; boundary=xyz; type=application/octet-stream')).toBe('xyz');
    expect(() => boundaryOf('application/octet-stream')).toThrow(/boundary/);
  });
});

describe('multipartBodies', () => {
  it('returns each part’s bytes exactly, even when they contain CRLF and dashes', () => {
    const frame = new Uint8Array([0x0d, 0x0a, 0x2d, 0x2d, 0, 255, 7]);
    const other = new Uint8Array(1000).map((_, i) => i % 251);
    const parts = multipartBodies(message('b0und', [frame, other]), 'b0und');
    expect(parts.map((p) => Array.from(p))).toEqual([Array.from(frame), Array.from(other)]);
  });

  it('refuses a truncated message', () => {
    const whole = message('b', [new Uint8Array(10)]);
    expect(() => multipartBodies(whole.subarray(0, 40), 'b')).toThrow();
  });
});
