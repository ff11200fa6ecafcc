import { describe, expect, it } from 'vitest';
import { isCodec, payloadFigures, type LoadedResource } from './payload';

const at = (path: string, type: string, gzipBytes: number): LoadedResource => ({
  url: `http://127.0.0.1:8080${path}`,
  type,
  bytes: gzipBytes * 3,
  gzipBytes,
});

describe('isCodec', () => {
  it('knows the codec chunks and wasm by name, not the app’s own code', () => {
    expect(isCodec('http://h/assets/charlswasm_decode-Bx1.wasm')).toBe(true);
    expect(isCodec('http://h/assets/openjphjs-C2a.js')).toBe(true);
    expect(isCodec('http://h/assets/libjpegturbowasm_decode-9.js')).toBe(true);
    expect(isCodec('http://h/assets/jpeg-CteaXc-x.js')).toBe(true);
    expect(isCodec('http://h/assets/lossless-Be9FsKwg.js')).toBe(true);
    expect(isCodec('http://h/assets/index-abc.js')).toBe(false);
    expect(isCodec('http://h/assets/decodeImageFrameWorker-C.js')).toBe(false);
    expect(isCodec('http://h/assets/StackViewport-abc.js')).toBe(false);
  });
});

describe('payloadFigures', () => {
  it('sums JS, CSS and wasm once per URL and sets the codecs apart', () => {
    const figures = payloadFigures([
      at('/assets/index-1.js', 'script', 100_000),
      at('/assets/index-1.js', 'script', 100_000),
      at('/assets/index-2.css', 'stylesheet', 10_000),
      at('/assets/openjphjs-3.js', 'script', 50_000),
      at('/assets/openjphjs-4.wasm', 'fetch', 200_000),
      at('/config.json', 'fetch', 300),
      at('/dicom-web/studies', 'fetch', 5_000),
    ]);
    expect(figures.gzipBytes).toBe(360_000);
    expect(figures.codecGzipBytes).toBe(250_000);
    expect(figures.gzipBytesWithoutCodecs).toBe(110_000);
    expect(figures.files).toBe(4);
    expect(figures.codecFiles).toEqual(['/assets/openjphjs-3.js', '/assets/openjphjs-4.wasm']);
  });

  it('ignores data: and blob: URLs', () => {
    const figures = payloadFigures([
      { url: 'data:text/javascript,1', type: 'script', bytes: 1, gzipBytes: 1 },
      { url: 'blob:http://h/1', type: 'script', bytes: 1, gzipBytes: 1 },
    ]);
    expect(figures.files).toBe(0);
  });
});
