import { instanceUid, seriesUid, studyUid } from '../uids';

/** The images of the codec reference study, one of each kind a decoder must handle. */
export const CODEC_SOURCE_IMAGES = {
  ct16s: { instanceNumber: 1, what: 'CT slice 100 of the phantom, 512×512, signed 16-bit, HU rescale' },
  mr16u: {
    instanceNumber: 2,
    what: 'MR slice 12 of the brain phantom, 256×256, unsigned 16-bit (values above 32767)',
  },
  cr12: { instanceNumber: 3, what: 'The chest radiograph, 1024×1280, 12 bits stored in 16, MONOCHROME1' },
  rgb8: {
    instanceNumber: 4,
    what: 'The right-eye fundus photograph, 1024×1024, 8-bit RGB, PlanarConfiguration 0',
  },
  grey8: { instanceNumber: 5, what: 'Frame 5 of the ultrasound cine, 640×480, 8-bit MONOCHROME2' },
} as const;
export type CodecSourceImage = keyof typeof CODEC_SOURCE_IMAGES;
const ALL = Object.keys(CODEC_SOURCE_IMAGES) as CodecSourceImage[];

export const DEMO_CODEC_STUDY = {
  key: 'codec',
  patient: 'smith',
  studyInstanceUID: studyUid('codec'),
  date: '20250101',
  time: '120000',
  description: 'CODEC REFERENCE',
  accessionNumber: 'ACC-CODEC-0001',
} as const;

/** One series of the codec reference study: every source image it can carry, in one transfer syntax. */
export interface DemoTransferSyntax {
  uid: string;
  /** Also the series description. */
  name: string;
  seriesNumber: number;
  seriesInstanceUID: string;
  lossy: boolean;
  images: readonly CodecSourceImage[];
  /** Source images left out of this series, and why. */
  skipped: ReadonlyArray<{ image: CodecSourceImage; reason: string }>;
}

const EIGHT_BIT_ONLY =
  'baseline JPEG carries 8-bit samples only; dcmcjpeg would requantise the image to 8 bits and rewrite its rescale, so it would no longer be the same image';
const TWELVE_BIT_ONLY =
  'extended JPEG carries at most 12-bit samples; dcmcjpeg would requantise the 16-bit values to 12 bits and rewrite the rescale';

const syntaxes: Array<Omit<DemoTransferSyntax, 'seriesInstanceUID' | 'images'>> = [
  {
    uid: '1.2.840.10008.1.2.1',
    name: 'Explicit VR Little Endian',
    seriesNumber: 1,
    lossy: false,
    skipped: [],
  },
  { uid: '1.2.840.10008.1.2', name: 'Implicit VR Little Endian', seriesNumber: 2, lossy: false, skipped: [] },
  { uid: '1.2.840.10008.1.2.2', name: 'Explicit VR Big Endian', seriesNumber: 3, lossy: false, skipped: [] },
  {
    uid: '1.2.840.10008.1.2.1.99',
    name: 'Deflated Explicit VR Little Endian',
    seriesNumber: 4,
    lossy: false,
    skipped: [],
  },
  { uid: '1.2.840.10008.1.2.5', name: 'RLE Lossless', seriesNumber: 5, lossy: false, skipped: [] },
  {
    uid: '1.2.840.10008.1.2.4.50',
    name: 'JPEG Baseline (8-bit)',
    seriesNumber: 6,
    lossy: true,
    skipped: [
      { image: 'ct16s', reason: EIGHT_BIT_ONLY },
      { image: 'mr16u', reason: EIGHT_BIT_ONLY },
      { image: 'cr12', reason: EIGHT_BIT_ONLY },
    ],
  },
  {
    uid: '1.2.840.10008.1.2.4.51',
    name: 'JPEG Extended (12-bit)',
    seriesNumber: 7,
    lossy: true,
    skipped: [
      { image: 'ct16s', reason: TWELVE_BIT_ONLY },
      { image: 'mr16u', reason: TWELVE_BIT_ONLY },
    ],
  },
  { uid: '1.2.840.10008.1.2.4.70', name: 'JPEG Lossless SV1', seriesNumber: 8, lossy: false, skipped: [] },
  { uid: '1.2.840.10008.1.2.4.80', name: 'JPEG-LS Lossless', seriesNumber: 9, lossy: false, skipped: [] },
  {
    uid: '1.2.840.10008.1.2.4.81',
    name: 'JPEG-LS Near-lossless',
    seriesNumber: 10,
    lossy: true,
    skipped: [
      {
        image: 'ct16s',
        reason:
          'dcmcjpls refuses signed pixel data for near-lossless coding ("Unsupported pixel representation")',
      },
    ],
  },
  { uid: '1.2.840.10008.1.2.4.90', name: 'JPEG 2000 Lossless', seriesNumber: 11, lossy: false, skipped: [] },
  { uid: '1.2.840.10008.1.2.4.91', name: 'JPEG 2000 (lossy)', seriesNumber: 12, lossy: true, skipped: [] },
  // No HTJ2K (1.2.840.10008.1.2.4.201–203) series: Orthanc 1.10 with DCMTK 3.6.7 stores such an
  // instance but cannot serve its frames. Asked for them as stored (transfer-syntax=*) it answers 500
  // "Unknown transfer syntax: 1.2.840.10008.1.2"; asked for them without a transfer syntax it answers
  // 200 with the HTJ2K code stream labelled Explicit VR Little Endian. The viewer could not be shown
  // an HTJ2K frame through this archive, so the study does not pretend to test one.
];

/** One series per transfer syntax in the codec reference study, each with the source images it can carry. */
export const DEMO_TRANSFER_SYNTAXES: readonly DemoTransferSyntax[] = syntaxes.map((syntax) => ({
  ...syntax,
  seriesInstanceUID: seriesUid(DEMO_CODEC_STUDY.key, syntax.seriesNumber),
  images: ALL.filter((image) => !syntax.skipped.some((s) => s.image === image)),
}));

/** The SOP Instance UID of a source image in a transfer syntax's series. */
export function codecInstanceUid(syntax: DemoTransferSyntax, image: CodecSourceImage): string {
  return instanceUid(DEMO_CODEC_STUDY.key, syntax.seriesNumber, CODEC_SOURCE_IMAGES[image].instanceNumber);
}
