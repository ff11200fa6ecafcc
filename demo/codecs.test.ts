import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TRANSFER_SYNTAXES } from './catalog';
import { writeTranscoded } from './codecs';
import { readElements, valueOf } from './dicom/dcmdump';
import type { Dataset } from './dicom/writer';

const dir = mkdtempSync(join(tmpdir(), 'fovea-codec-'));
const syntax = (name: string) => DEMO_TRANSFER_SYNTAXES.find((t) => t.name === name)!;

/** A small signed image with negative values and an edge, like the CT's padding against the body. */
function signedImage(uid: string): Dataset {
  const pixels = new Int16Array(64 * 64);
  pixels.forEach((_, i) => (pixels[i] = i % 64 < 20 ? -1000 : 24 + ((i * 7) % 300)));
  return {
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: uid,
    Modality: 'CT',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: 64,
    Columns: 64,
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 1,
    RescaleIntercept: -1024,
    RescaleSlope: 1,
    PixelData: pixels,
  };
}

function greyImage(uid: string): Dataset {
  const pixels = new Uint8Array(64 * 48).map((_, i) => (i * 13) % 256);
  return {
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    SOPInstanceUID: uid,
    Modality: 'OT',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: 48,
    Columns: 64,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelData: pixels,
  };
}

describe('transcoding for the codec reference study', () => {
  it.each(['RLE Lossless', 'JPEG-LS Lossless', 'JPEG 2000 Lossless', 'Explicit VR Big Endian'])(
    '%s keeps signed pixels exactly and the SOP Instance UID',
    async (name) => {
      const uid = `1.2.3.${name.length}`;
      const file = join(dir, `${name}.dcm`);
      const check = await writeTranscoded(signedImage(uid), syntax(name), file, dir);
      expect(check.maxError).toBe(0);
      const elements = await readElements(file, '-M', '+P', '0002,0010', '+P', '0008,0018');
      expect(valueOf(elements, 'TransferSyntaxUID')).toBe(syntax(name).uid);
      expect(valueOf(elements, 'SOPInstanceUID')).toBe(uid);
    },
    30_000,
  );

  it.each(['JPEG 2000 (lossy)', 'JPEG Baseline (8-bit)'])(
    '%s stays close to the original and keeps the SOP Instance UID the tool would replace',
    async (name) => {
      const uid = `1.2.4.${name.length}`;
      const file = join(dir, `${name}.dcm`);
      const check = await writeTranscoded(greyImage(uid), syntax(name), file, dir);
      expect(check.meanError).toBeLessThan(5);
      const elements = await readElements(file, '-M', '+P', '0002,0003', '+P', '0008,0018');
      expect(valueOf(elements, 'SOPInstanceUID')).toBe(uid);
      expect(valueOf(elements, 'MediaStorageSOPInstanceUID')).toBe(uid);
    },
    30_000,
  );

  it('reports a combination the tool refuses', async () => {
    await expect(
      writeTranscoded(signedImage('1.2.5'), syntax('JPEG-LS Near-lossless'), join(dir, 'refused.dcm'), dir),
    ).rejects.toThrow(/pixel representation/i);
  });
});
