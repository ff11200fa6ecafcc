import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
  nativeFramesOf,
  nativePixelDataOf,
} from './part10';

// Written by dcmtk from part10-samples/source.dump (dump2dcm, dcmcrle): a 4×4, 16-bit, two-frame
// image with nested sequences before its pixels, and a private OB value whose bytes look like a Pixel
// Data header of undefined length.
const sample = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./part10-samples/${name}`, import.meta.url)));

const SOP_INSTANCE_UID = '1.2.826.0.1.3680043.8.498.4242.1';
const FRAME_BYTES = 4 * 4 * 2;
/** The pixel values the dump gives, as little endian bytes. */
const PIXELS = new Uint8Array(
  new Uint16Array(Array.from({ length: 32 }, (_, i) => (i < 16 ? i + 1 : 0x0101 + i - 16))).buffer,
);

describe('nativePixelDataOf', () => {
  it.each([
    ['explicit-undefined.dcm', EXPLICIT_VR_LITTLE_ENDIAN],
    ['explicit-defined.dcm', EXPLICIT_VR_LITTLE_ENDIAN],
    ['implicit-undefined.dcm', IMPLICIT_VR_LITTLE_ENDIAN],
  ])('finds the pixels of %s by walking its elements', (name, syntax) => {
    const file = sample(name);
    const found = nativePixelDataOf(file);
    expect(found).toMatchObject({ sopInstanceUid: SOP_INSTANCE_UID, transferSyntaxUid: syntax, length: 64 });
    expect([...file.subarray(found!.offset, found!.offset + found!.length)]).toEqual([...PIXELS]);
  });

  it('reads a file that lies inside a larger buffer', () => {
    const file = sample('explicit-undefined.dcm');
    const larger = new Uint8Array(file.length + 100);
    larger.set(file, 37);
    const inside = larger.subarray(37, 37 + file.length);
    const found = nativePixelDataOf(inside)!;
    expect([...inside.subarray(found.offset, found.offset + found.length)]).toEqual([...PIXELS]);
  });

  it.each(['big.dcm', 'deflated.dcm', 'rle.dcm', 'no-pixel-data.dcm'])('leaves %s to the decoder', (name) => {
    expect(nativePixelDataOf(sample(name))).toBeUndefined();
  });

  it('gives up on files whose lengths do not add up, or that are not Part-10', () => {
    const file = sample('explicit-undefined.dcm');
    for (let end = 0; end < file.length; end += 7) {
      expect(nativePixelDataOf(file.subarray(0, end)), `cut at ${end}`).toBeUndefined();
    }
    const noMagic = file.slice();
    noMagic[128] = 0x58;
    expect(nativePixelDataOf(noMagic)).toBeUndefined();
    expect(nativePixelDataOf(new Uint8Array(0))).toBeUndefined();
  });

  // A real file of the demo set (npm run demo makes it); without it the dcmtk samples above remain.
  const demoCt = new URL('../../.fovea/demo-cache/static-v7/codec/s001-ct16s.dcm', import.meta.url);
  it.skipIf(!existsSync(demoCt))('reads a demo CT file as stored (skipped without the demo set)', () => {
    const file = new Uint8Array(readFileSync(demoCt));
    const found = nativePixelDataOf(file)!;
    expect(found.transferSyntaxUid).toBe(EXPLICIT_VR_LITTLE_ENDIAN);
    // Its Pixel Data is the last element, 512 × 512 16-bit values.
    expect(found.length).toBe(512 * 512 * 2);
    expect(found.offset + found.length).toBe(file.length);
  });
});

describe('nativeFramesOf', () => {
  it('splits the pixels into frames, each in a buffer of its own', () => {
    const file = sample('explicit-undefined.dcm');
    const frames = nativeFramesOf(file, nativePixelDataOf(file)!, FRAME_BYTES, 2)!;
    expect(frames.map((frame) => [...new Uint8Array(frame)])).toEqual([
      [...PIXELS.subarray(0, FRAME_BYTES)],
      [...PIXELS.subarray(FRAME_BYTES)],
    ]);
    expect(frames[0]!.byteLength).toBe(FRAME_BYTES);
  });

  it('refuses pixels shorter than the frames the metadata promises', () => {
    const file = sample('explicit-undefined.dcm');
    const pixels = nativePixelDataOf(file)!;
    expect(nativeFramesOf(file, pixels, FRAME_BYTES, 3)).toBeUndefined();
    expect(nativeFramesOf(file, pixels, 0, 1)).toBeUndefined();
    expect(nativeFramesOf(file, { offset: pixels.offset + 8, length: 64 }, FRAME_BYTES, 2)).toBeUndefined();
  });
});
