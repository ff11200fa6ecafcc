import { describe, expect, it } from 'vitest';
import type { InstanceMetadata } from '../dicom';
import { paletteEntries, withPaletteEntries } from './paletteData';

const words = (...values: number[]) => new Uint8Array(new Uint16Array(values).buffer);
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function paletteInstance(data: Record<string, { InlineBinary?: string; BulkDataURI?: string }>) {
  const descriptor = { vr: 'US', Value: [3, 0, 16] };
  return {
    studyInstanceUid: '1',
    seriesInstanceUid: '1.1',
    sopInstanceUid: '1.1.1',
    numberOfFrames: 1,
    hasPixelData: true,
    dataset: {
      '00280004': { vr: 'CS', Value: ['PALETTE COLOR'] },
      '00281101': descriptor,
      '00281102': descriptor,
      '00281103': descriptor,
      '00281201': { vr: 'OW', ...data.red },
      '00281202': { vr: 'OW', ...data.green },
      '00281203': { vr: 'OW', ...data.blue },
    },
  } satisfies InstanceMetadata;
}

describe('palette entries', () => {
  it('reads 16-bit entries as little-endian words', () => {
    expect(paletteEntries(words(0, 0x8080, 0xffff), [3, 0, 16])).toEqual([0, 0x8080, 0xffff]);
  });

  it('reads 8-bit entries stored one byte each, or one word each', () => {
    expect(paletteEntries(new Uint8Array([1, 2, 3, 0]), [3, 0, 8])).toEqual([1, 2, 3]);
    expect(paletteEntries(words(1, 2, 3), [3, 0, 8])).toEqual([1, 2, 3]);
  });

  it('takes a first value of 0 as 65536 entries', () => {
    expect(paletteEntries(new Uint8Array(131072), [0, 0, 16])).toHaveLength(65536);
  });

  it('refuses tables shorter than their descriptor, and descriptors of other depths', () => {
    expect(() => paletteEntries(words(1, 2), [3, 0, 16])).toThrow(/too few for 3 entries/);
    expect(() => paletteEntries(words(1, 2, 3), [3, 0, 12])).toThrow(/not valid/);
  });
});

describe('an instance with its palette as numbers', () => {
  it('decodes inline tables and fetches bulk data ones', async () => {
    const fetched: string[] = [];
    const instance = paletteInstance({
      red: { InlineBinary: base64(words(0, 256, 65535)) },
      green: { BulkDataURI: 'http://pacs/bulk/green' },
      blue: { InlineBinary: base64(words(7, 8, 9)) },
    });
    const resolved = await withPaletteEntries(instance, async (uri) => {
      fetched.push(uri);
      return words(10, 20, 30);
    });
    expect(resolved.dataset['00281201']).toEqual({ vr: 'OW', Value: [0, 256, 65535] });
    expect(resolved.dataset['00281202']).toEqual({ vr: 'OW', Value: [10, 20, 30] });
    expect(resolved.dataset['00281203']).toEqual({ vr: 'OW', Value: [7, 8, 9] });
    expect(fetched).toEqual(['http://pacs/bulk/green']);
    // The metadata as the archive sent it stays as it was.
    expect(instance.dataset['00281201']).toHaveProperty('InlineBinary');
  });

  it('fails when a table cannot be fetched or is too short', async () => {
    const bulk = paletteInstance({ red: { BulkDataURI: 'http://pacs/bulk/red' } });
    await expect(withPaletteEntries(bulk, () => Promise.reject(new Error('HTTP 404')))).rejects.toThrow(
      'HTTP 404',
    );
    const short = paletteInstance({ red: { InlineBinary: base64(words(1)) } });
    await expect(withPaletteEntries(short, () => Promise.reject(new Error('not called')))).rejects.toThrow(
      /too few/,
    );
  });

  it('leaves images that are not PALETTE COLOR alone', async () => {
    const instance = paletteInstance({ red: { BulkDataURI: 'x' } });
    const grey = { ...instance, dataset: { ...instance.dataset, '00280004': { vr: 'CS', Value: ['RGB'] } } };
    const resolved = await withPaletteEntries(grey, () => Promise.reject(new Error('not called')));
    expect(resolved).toBe(grey);
  });
});
