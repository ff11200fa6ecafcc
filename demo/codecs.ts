import { execFile } from 'node:child_process';
import { unlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { part10 } from './part10';
import type { DemoInstance } from './studies';
import { demoUid } from './uids';

const run = promisify(execFile);

export type SourceImage = 'ct16s' | 'mr16u' | 'cr12' | 'rgb8' | 'grey8';

/** A transfer syntax of the codec reference study, the tool that writes it, and the images it can carry. */
export interface DemoTransferSyntax {
  uid: string;
  name: string;
  seriesNumber: number;
  images: readonly SourceImage[];
  tool: readonly string[] | null;
  lossy: boolean;
}

const ALL: readonly SourceImage[] = ['ct16s', 'mr16u', 'cr12', 'rgb8', 'grey8'];

export const DEMO_TRANSFER_SYNTAXES: readonly DemoTransferSyntax[] = [
  {
    uid: '1.2.840.10008.1.2.1',
    name: 'Explicit VR Little Endian',
    seriesNumber: 1,
    images: ALL,
    tool: null,
    lossy: false,
  },
  {
    uid: '1.2.840.10008.1.2',
    name: 'Implicit VR Little Endian',
    seriesNumber: 2,
    images: ALL,
    tool: ['dcmconv', '+ti'],
    lossy: false,
  },
  {
    uid: '1.2.840.10008.1.2.2',
    name: 'Explicit VR Big Endian',
    seriesNumber: 3,
    images: ALL,
    tool: ['dcmconv', '+tb'],
    lossy: false,
  },
  {
    uid: '1.2.840.10008.1.2.1.99',
    name: 'Deflated Explicit VR Little Endian',
    seriesNumber: 4,
    images: ALL,
    tool: ['dcmconv', '+td'],
    lossy: false,
  },
  {
    uid: '1.2.840.10008.1.2.5',
    name: 'RLE Lossless',
    seriesNumber: 5,
    images: ALL,
    tool: ['dcmcrle'],
    lossy: false,
  },
  // Baseline JPEG carries 8-bit samples only.
  {
    uid: '1.2.840.10008.1.2.4.50',
    name: 'JPEG Baseline',
    seriesNumber: 6,
    images: ['rgb8', 'grey8'],
    tool: ['dcmcjpeg', '+eb'],
    lossy: true,
  },
  // Extended JPEG carries up to 12 bits: the radiograph and the 8-bit images.
  {
    uid: '1.2.840.10008.1.2.4.51',
    name: 'JPEG Extended (12-bit)',
    seriesNumber: 7,
    images: ['cr12', 'grey8'],
    tool: ['dcmcjpeg', '+ee'],
    lossy: true,
  },
  {
    uid: '1.2.840.10008.1.2.4.70',
    name: 'JPEG Lossless SV1',
    seriesNumber: 8,
    images: ALL,
    tool: ['dcmcjpeg', '+e1'],
    lossy: false,
  },
  {
    uid: '1.2.840.10008.1.2.4.80',
    name: 'JPEG-LS Lossless',
    seriesNumber: 9,
    images: ALL,
    tool: ['dcmcjpls', '+el'],
    lossy: false,
  },
  // dcmcjpls refuses signed pixel data for near-lossless coding, so the CT slice is left out.
  {
    uid: '1.2.840.10008.1.2.4.81',
    name: 'JPEG-LS Near-lossless',
    seriesNumber: 10,
    images: ['mr16u', 'cr12', 'rgb8', 'grey8'],
    tool: ['dcmcjpls', '+en', '+md', '2'],
    lossy: true,
  },
  {
    uid: '1.2.840.10008.1.2.4.90',
    name: 'JPEG 2000 Lossless',
    seriesNumber: 11,
    images: ALL,
    tool: ['gdcmconv', '--j2k'],
    lossy: false,
  },
  {
    uid: '1.2.840.10008.1.2.4.91',
    name: 'JPEG 2000',
    seriesNumber: 12,
    images: ALL,
    tool: ['gdcmconv', '--j2k', '--lossy', '-q', '45'],
    lossy: true,
  },
];

/**
 * Writes `source` as a new instance of the syntax's series (own UIDs), encoded with the syntax's tool.
 * Returns the file, or undefined when the tool refuses this image (the reason is logged).
 */
export async function writeTranscoded(
  source: DemoInstance,
  image: SourceImage,
  syntax: DemoTransferSyntax,
  studyKey: string,
  file: string,
  log: (line: string) => void,
): Promise<string | undefined> {
  const dataset = {
    ...source.dataset,
    SeriesInstanceUID: demoUid(`${studyKey}/ts/${syntax.uid}`),
    SeriesNumber: syntax.seriesNumber,
    SeriesDescription: syntax.name,
    SOPInstanceUID: demoUid(`${studyKey}/ts/${syntax.uid}/${image}`),
    InstanceNumber: ALL.indexOf(image) + 1,
    ImageComments: `${image} in ${syntax.name}`,
    ...(syntax.lossy ? { LossyImageCompression: '01' } : {}),
  };
  if (!syntax.tool) {
    await writeFile(file, part10(dataset));
    return file;
  }
  const plain = `${file}.plain`;
  await writeFile(plain, part10(dataset));
  const [tool, ...args] = syntax.tool;
  try {
    await run(tool!, [...args, plain, file]);
    const { stdout } = await run('dcmdump', ['-M', '-Un', '+P', '0002,0010', file]);
    if (!stdout.includes(syntax.uid)) throw new Error(`wrote ${stdout.trim()} instead of ${syntax.uid}`);
    return file;
  } catch (error) {
    log(`  (${syntax.name} cannot carry ${image}: ${(error as Error).message.split('\n')[0]})`);
    await unlink(file).catch(() => {});
    return undefined;
  } finally {
    await unlink(plain).catch(() => {});
  }
}
