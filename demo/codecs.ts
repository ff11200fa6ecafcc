import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DemoTransferSyntax } from './catalog/codecs';
import { readElements, valueOf } from './dicom/dcmdump';
import { part10, type Dataset } from './dicom/writer';

// Each transfer syntax of the codec reference study is made by dcmtk or GDCM from the explicit VR
// little endian file the demo writer produced, then checked: dcmdump must report the syntax and the
// intended SOP Instance UID, and a decoder must give back the original pixels (exactly when lossless).

const run = promisify(execFile);

interface Codec {
  encode: readonly string[] | null;
  decode: readonly string[] | null;
  /** The encoder gives the instance a UID of its own, which must be put back. */
  restoreUid?: boolean;
}

const CODECS: Record<string, Codec> = {
  '1.2.840.10008.1.2.1': { encode: null, decode: null },
  '1.2.840.10008.1.2': { encode: ['dcmconv', '+ti'], decode: ['dcmconv', '+te'] },
  '1.2.840.10008.1.2.2': { encode: ['dcmconv', '+tb'], decode: ['dcmconv', '+te'] },
  '1.2.840.10008.1.2.1.99': { encode: ['dcmconv', '+td'], decode: ['dcmconv', '+te'] },
  '1.2.840.10008.1.2.5': { encode: ['dcmcrle'], decode: ['dcmdrle'] },
  // +un keeps our SOP Instance UID (dcmtk gives lossy results new ones by default).
  '1.2.840.10008.1.2.4.50': { encode: ['dcmcjpeg', '+eb', '+un'], decode: ['dcmdjpeg', '+px'] },
  // +sr scales by the 12-bit range, i.e. not at all, instead of stretching the pixels' min–max to 12 bits.
  '1.2.840.10008.1.2.4.51': { encode: ['dcmcjpeg', '+ee', '+sr', '+un'], decode: ['dcmdjpeg', '+px'] },
  '1.2.840.10008.1.2.4.70': { encode: ['dcmcjpeg', '+e1'], decode: ['dcmdjpeg', '+px'] },
  '1.2.840.10008.1.2.4.80': { encode: ['dcmcjpls', '+el'], decode: ['dcmdjpls', '+px'] },
  '1.2.840.10008.1.2.4.81': { encode: ['dcmcjpls', '+en', '+md', '2', '+un'], decode: ['dcmdjpls', '+px'] },
  // dcmtk has no JPEG 2000 codec; GDCM encodes and decodes it.
  '1.2.840.10008.1.2.4.90': {
    encode: ['gdcmconv', '--quiet', '--j2k'],
    decode: ['gdcmconv', '--quiet', '--raw'],
  },
  '1.2.840.10008.1.2.4.91': {
    encode: ['gdcmconv', '--quiet', '--j2k', '--lossy', '-q', '85'],
    decode: ['gdcmconv', '--quiet', '--raw'],
    restoreUid: true,
  },
};

export interface CodecCheck {
  file: string;
  /** Largest and mean absolute difference between decoded and original samples (0 for lossless). */
  maxError: number;
  meanError: number;
}

export class CodecError extends Error {}

async function tool(command: readonly string[], ...files: string[]): Promise<void> {
  const [name, ...args] = command;
  try {
    await run(name!, [...args, ...files], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new CodecError(
      `${command.join(' ')} ${files.join(' ')}: ${(stderr || message).trim().split('\n')[0]}`,
    );
  }
}

/** Samples of the file's pixel data as numbers, colour interleaved by pixel. */
function pixelsOf(dataset: Dataset): Uint8Array | Int16Array | Uint16Array {
  const pixels = dataset.PixelData;
  if (pixels instanceof Uint8Array || pixels instanceof Int16Array || pixels instanceof Uint16Array)
    return pixels;
  throw new CodecError('The source of a transcoded image needs its pixel data as a typed array');
}

async function decodedSamples(
  file: string,
  scratch: string,
): Promise<{ samples: number[]; signed: boolean }> {
  const elements = await readElements(file, '-M');
  const bits = Number(valueOf(elements, 'BitsAllocated'));
  const signed = valueOf(elements, 'PixelRepresentation') === '1';
  const planar =
    elements.some((e) => e.keyword === 'PlanarConfiguration') &&
    valueOf(elements, 'PlanarConfiguration') === '1';
  const samplesPerPixel = Number(valueOf(elements, 'SamplesPerPixel'));
  const out = await mkdtemp(join(scratch, 'raw-'));
  try {
    await tool(['dcmdump', '-q', '+W', out], file);
    const [raw] = await readdir(out);
    if (!raw) throw new CodecError(`${file}: dcmdump wrote no pixel data`);
    const bytes = await readFile(join(out, raw));
    return { samples: toSamples(bytes, bits, signed, planar ? samplesPerPixel : 1), signed };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function toSamples(bytes: Buffer, bits: number, signed: boolean, planes: number): number[] {
  const count = bits === 16 ? bytes.length / 2 : bytes.length;
  const read = (i: number) =>
    bits === 16
      ? signed
        ? bytes.readInt16LE(2 * i)
        : bytes.readUInt16LE(2 * i)
      : signed
        ? bytes.readInt8(i)
        : bytes[i]!;
  if (planes === 1) return Array.from({ length: count }, (_, i) => read(i));
  // Colour by plane: reorder to colour by pixel, as the original is.
  const perPlane = count / planes;
  return Array.from({ length: count }, (_, i) => read((i % planes) * perPlane + Math.floor(i / planes)));
}

/**
 * Writes `dataset` in the transfer syntax to `file` and checks the result (see the top of this file).
 * The dataset must already carry the SOP Instance UID and series of the codec study.
 */
export async function writeTranscoded(
  dataset: Dataset,
  syntax: DemoTransferSyntax,
  file: string,
  scratch: string,
): Promise<CodecCheck> {
  const codec = CODECS[syntax.uid];
  if (!codec) throw new CodecError(`No codec for ${syntax.name} (${syntax.uid})`);
  const sopInstanceUID = String(dataset.SOPInstanceUID);
  const plain = `${file}.plain.dcm`;
  const decoded = `${file}.decoded.dcm`;
  await writeFile(plain, part10(dataset));
  try {
    if (codec.encode) await tool(codec.encode, plain, file);
    else await rename(plain, file);
    if (codec.restoreUid) await tool(['dcmodify', '-nb', '-m', `(0008,0018)=${sopInstanceUID}`], file);
    const written = await readElements(file, '-M', '+P', '0002,0010', '+P', '0008,0018');
    const transferSyntax = valueOf(written, 'TransferSyntaxUID');
    const uid = valueOf(written, 'SOPInstanceUID');
    if (transferSyntax !== syntax.uid)
      throw new CodecError(`${file}: transfer syntax ${transferSyntax}, expected ${syntax.uid}`);
    if (uid !== sopInstanceUID)
      throw new CodecError(`${file}: SOP Instance UID ${uid}, expected ${sopInstanceUID}`);

    if (!codec.decode) return { file, maxError: 0, meanError: 0 };
    await tool(codec.decode, file, decoded);
    const original = Array.from(pixelsOf(dataset));
    const back = await decodedSamples(decoded, scratch);
    if (back.samples.length !== original.length)
      throw new CodecError(`${file}: decoded ${back.samples.length} samples, expected ${original.length}`);
    let maxError = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    original.forEach((value, i) => {
      const error = Math.abs(value - back.samples[i]!);
      if (error > maxError) maxError = error;
      sum += error;
      if (value < min) min = value;
      if (value > max) max = value;
    });
    const meanError = sum / original.length;
    const range = Math.max(1, max - min);
    if (!syntax.lossy && maxError !== 0)
      throw new CodecError(
        `${file}: lossless ${syntax.name} changed pixels (largest difference ${maxError})`,
      );
    if (syntax.lossy && (meanError > 0.02 * range || maxError > 0.5 * range))
      throw new CodecError(
        `${file}: ${syntax.name} decodes too far from the original (mean ${meanError.toFixed(2)}, max ${maxError})`,
      );
    return { file, maxError, meanError: Math.round(meanError * 1000) / 1000 };
  } finally {
    await rm(plain, { force: true });
    await rm(decoded, { force: true });
  }
}
