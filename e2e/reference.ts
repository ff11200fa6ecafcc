import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GENERATOR_VERSION } from '../demo';
import { parsePnm, toGrey, type GreyImage } from './rendering';

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
      '--write-raw-pnm',
      ...(options.window
        ? ['--set-window', String(options.window.center), String(options.window.width)]
        : ['--no-windowing']),
      ...(options.frame ? ['--frame', String(options.frame)] : []),
      readable,
      out,
    ]);
    return toGrey(parsePnm(await readFile(out)));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
