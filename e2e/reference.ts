import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GENERATOR_VERSION } from '../demo';
import { parsePnm, sampleBilinear, toGrey, windowGrey, type GreyImage, type VoiWindow } from './rendering';

// The reference toolkit: dcmtk's dcm2pnm renders a DICOM image as a PGM/PPM at a given window. It
// reads only uncompressed, deflated and big endian data, so compressed files are decoded first by
// dcmtk (RLE, JPEG, JPEG-LS) or GDCM (JPEG 2000, which dcmtk lacks).

const run = promisify(execFile);

/** The generated demo files the private Orthanc of the tests is seeded with. */
export const DEMO_FILES = resolve(
  import.meta.dirname,
  '..',
  '.fovea',
  'demo-cache',
  `static-v${GENERATOR_VERSION}`,
);

const DECODERS: Record<string, readonly string[]> = {
  '1.2.840.10008.1.2.5': ['dcmdrle'],
  '1.2.840.10008.1.2.4.50': ['dcmdjpeg'],
  '1.2.840.10008.1.2.4.51': ['dcmdjpeg'],
  '1.2.840.10008.1.2.4.57': ['dcmdjpeg'],
  '1.2.840.10008.1.2.4.70': ['dcmdjpeg'],
  '1.2.840.10008.1.2.4.80': ['dcmdjpls'],
  '1.2.840.10008.1.2.4.81': ['dcmdjpls'],
  '1.2.840.10008.1.2.4.90': ['gdcmconv', '--quiet', '--raw'],
  '1.2.840.10008.1.2.4.91': ['gdcmconv', '--quiet', '--raw'],
};

async function tool(command: readonly string[]): Promise<string> {
  const [name, ...args] = command;
  try {
    return (await run(name!, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${command.join(' ')}: ${(stderr || message).trim()}`);
  }
}

export async function transferSyntaxOf(file: string): Promise<string> {
  const out = await tool(['dcmdump', '-q', '-M', '-Un', '+P', '0002,0010', file]);
  const uid = out.match(/\[([\d.]+)\]/)?.[1];
  if (!uid) throw new Error(`${file}: no transfer syntax in the meta header`);
  return uid;
}

export interface ReferenceOptions {
  /** The window to apply, as DICOM defines it (dcm2pnm --set-window); none for colour images. */
  window?: { center: number; width: number } | undefined;
  /** 1-based frame of a multi-frame image. */
  frame?: number;
}

/** dcm2pnm's rendering of `file` as grey levels 0–255 (luminance for colour). */
export async function referenceRendering(file: string, options: ReferenceOptions = {}): Promise<GreyImage> {
  return toGrey(
    await dcm2pnm(
      file,
      options.window
        ? ['--set-window', String(options.window.center), String(options.window.width)]
        : ['--no-windowing'],
      options.frame,
    ),
  );
}

/** A rendering's value anywhere on the image: image coordinates, pixel centres at integers. */
export type ReferenceSampler = (column: number, row: number) => number;

/**
 * How `file` looks at `window` between pixel centres when, as a display pipeline on the GPU does,
 * the values are interpolated first and the window applied after. Interpolating dcm2pnm's windowed
 * picture instead is wrong wherever neighbouring pixels lie beyond the window's ends (fat next to bone
 * at 40/400: half-way between them the value is well above the window, so white, not mid-grey).
 * dcm2pnm renders the values at a window sixteen times as wide, 16 bits deep, which is linear in them;
 * they are read back, interpolated, and windowed. At every pixel centre this must give dcm2pnm's own
 * rendering at `window`, `rendered`, within a grey level, so the picture is still dcmtk's.
 */
export async function windowAfterInterpolation(
  file: string,
  window: VoiWindow,
  rendered: GreyImage,
  frame?: number,
): Promise<ReferenceSampler> {
  const wide = { center: window.center, width: 16 * window.width };
  const pnm = await dcm2pnm(
    file,
    ['--set-window', String(wide.center), String(wide.width), '--write-16-bit-pnm'],
    frame,
  );
  if (pnm.channels !== 1) throw new Error(`${file}: a window applies to grey images only`);
  const inverted = (await photometricOf(file)) === 'MONOCHROME1';
  const values = new Float64Array(pnm.width * pnm.height);
  for (let i = 0; i < values.length; i++) {
    const level = pnm.samples[i]!;
    if (level === 0 || level === pnm.maxValue)
      throw new Error(`${file}: values beyond ${wide.center}/${wide.width}; the reference would clip`);
    const t = inverted ? 1 - level / pnm.maxValue : level / pnm.maxValue;
    values[i] = (t - 0.5) * (wide.width - 1) + wide.center - 0.5;
  }
  const image: GreyImage = { width: pnm.width, height: pnm.height, values };
  for (let i = 0; i < values.length; i++) {
    const difference = Math.abs(windowGrey(values[i]!, window, inverted) - rendered.values[i]!);
    if (difference > 1)
      throw new Error(
        `${file}: windowing the values differs from dcm2pnm by ${difference.toFixed(2)} at pixel ${i % pnm.width}, ${Math.floor(i / pnm.width)}`,
      );
  }
  return (column, row) => windowGrey(sampleBilinear(image, column, row), window, inverted);
}

async function photometricOf(file: string): Promise<string> {
  const out = await tool(['dcmdump', '-q', '+P', '0028,0004', file]);
  return out.match(/\[([A-Z0-9_ ]+)\]/)?.[1]?.trim() ?? '';
}

async function dcm2pnm(file: string, options: readonly string[], frame?: number) {
  const scratch = await mkdtemp(join(tmpdir(), 'fovea-reference-'));
  try {
    const decoder = DECODERS[await transferSyntaxOf(file)];
    let readable = file;
    if (decoder) {
      readable = join(scratch, 'decoded.dcm');
      await tool([...decoder, file, readable]);
    }
    const out = join(scratch, 'reference.pnm');
    await tool([
      'dcm2pnm',
      ...(options.includes('--write-16-bit-pnm') ? [] : ['--write-raw-pnm']),
      ...options,
      ...(frame ? ['--frame', String(frame)] : []),
      readable,
      out,
    ]);
    return parsePnm(await readFile(out));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
