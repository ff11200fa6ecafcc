import type { DicomJsonAttribute, DicomJsonDataset, InstanceMetadata } from '../dicom';

// The image loader reads a PALETTE COLOR image's lookup tables from the WADO-RS metadata's `Value`
// only, but an archive sends the tables (OW) as InlineBinary or, above a size it chooses, as a
// BulkDataURI (Orthanc does, for 256 entries). Without them the frame never appears; so the tables
// are read here, once per instance, and handed on as numbers.

/** Red, Green and Blue Palette Color Lookup Table Descriptor and Data (PS3.3 C.7.6.3). */
const PALETTE = [
  { descriptor: '00281101', data: '00281201' },
  { descriptor: '00281102', data: '00281202' },
  { descriptor: '00281103', data: '00281203' },
] as const;

/** Bytes of a bulk data element, from its BulkDataURI. */
export type FetchBulkData = (bulkDataUri: string) => Promise<Uint8Array>;

export class PaletteDataError extends Error {
  override name = 'PaletteDataError';
}

/** Base64 (InlineBinary) to bytes. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The entries of one lookup table from its bytes (little endian, as WADO-RS sends bulk data). The
 * descriptor gives the number of entries (0 for 65536) and their bits: 16-bit entries take a word
 * each; 8-bit entries are one byte each when the data has one byte per entry, and otherwise one
 * word each, as many writers store them.
 */
export function paletteEntries(bytes: Uint8Array, descriptor: readonly number[]): number[] {
  const count = descriptor[0] === 0 ? 65536 : (descriptor[0] ?? 0);
  const bits = descriptor[2];
  if (!(count > 0) || (bits !== 8 && bits !== 16))
    throw new PaletteDataError(`The palette descriptor ${descriptor.join('\\')} is not valid`);
  if (bits === 8 && bytes.length >= count && bytes.length < 2 * count) return [...bytes.subarray(0, count)];
  if (bytes.length < 2 * count)
    throw new PaletteDataError(`The palette has ${bytes.length} bytes, too few for ${count} entries`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: count }, (_, i) => view.getUint16(2 * i, true));
}

function numbers(attribute: DicomJsonAttribute | undefined): number[] {
  return (attribute?.Value ?? []).filter((v): v is number => typeof v === 'number');
}

/**
 * The instance with its palette tables as numbers, ready for the image loader; any other instance,
 * and one whose tables already are numbers, comes back unchanged.
 */
export async function withPaletteEntries(
  instance: InstanceMetadata,
  fetchBulkData: FetchBulkData,
): Promise<InstanceMetadata> {
  const { dataset } = instance;
  if (dataset['00280004']?.Value?.[0] !== 'PALETTE COLOR') return instance;
  const resolved: DicomJsonDataset = { ...dataset };
  for (const { descriptor, data } of PALETTE) {
    const attribute = dataset[data];
    if (!attribute || attribute.Value?.length) continue;
    let bytes: Uint8Array;
    if (attribute.InlineBinary !== undefined) bytes = fromBase64(attribute.InlineBinary);
    else if (attribute.BulkDataURI) bytes = await fetchBulkData(attribute.BulkDataURI);
    else continue;
    resolved[data] = { vr: attribute.vr, Value: paletteEntries(bytes, numbers(dataset[descriptor])) };
  }
  return { ...instance, dataset: resolved };
}
