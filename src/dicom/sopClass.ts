/**
 * What a SOP class holds, in the words the viewer uses to tell a clinician why a series is or is not
 * shown as images. UIDs from PS3.4 Annex B (Storage Service Class), checked against the UID names of
 * dcmtk 3.6.7 (all but 9.1.4 and 11.12, which are newer than it).
 */

export type SopClassCategory =
  /** Pixel data meant to be viewed as images (single or multi-frame). */
  | 'image'
  /** Pixel data that is not an image to look at (segmentation labels, dose grids). */
  | 'pixel-data'
  /** No pixel data: documents, reports, measurements, waveforms. */
  | 'no-pixel-data';

export interface SopClassInfo {
  category: SopClassCategory;
  /** What one instance is, with its article: "an encapsulated PDF document". */
  one: string;
  /** What several are: "encapsulated PDF documents". */
  many: string;
}

const IMAGE: SopClassInfo = { category: 'image', one: 'an image', many: 'images' };

const image = (uids: string[]): Array<[string, SopClassInfo]> => uids.map((uid) => [uid, IMAGE]);

const P = '1.2.840.10008.5.1.4.1.1.';

const SOP_CLASSES = new Map<string, SopClassInfo>([
  ...image(
    [
      '1', // CR
      '1.1',
      '1.1.1',
      '1.2',
      '1.2.1',
      '1.3',
      '1.3.1', // DX, MG, IO (for presentation, for processing)
      '2',
      '2.1',
      '2.2', // CT, enhanced CT, legacy converted CT
      '3.1',
      '6.1',
      '6.2', // US multi-frame, US, enhanced US volume
      '4',
      '4.1',
      '4.3',
      '4.4', // MR, enhanced MR, enhanced MR colour, legacy converted MR
      '7',
      '7.1',
      '7.2',
      '7.3',
      '7.4', // secondary capture, multi-frame secondary capture
      '12.1',
      '12.1.1',
      '12.2',
      '12.2.1', // XA, enhanced XA, XRF, enhanced XRF
      '13.1.1',
      '13.1.2',
      '13.1.3',
      '13.1.4',
      '13.1.5', // 3D X-ray, breast tomosynthesis and projection
      '14.1',
      '14.2', // intravascular OCT
      '20', // NM
      '30', // parametric map
      '77.1.1',
      '77.1.2',
      '77.1.3',
      '77.1.4',
      '77.1.6', // VL endoscopic, microscopic, slide, photographic, whole slide
      '77.1.5.1',
      '77.1.5.2',
      '77.1.5.4',
      '77.1.5.5',
      '77.1.5.6',
      '77.1.5.7',
      '77.1.5.8', // ophthalmic photography and tomography
      '81.1',
      '82.1', // ophthalmic thickness map, corneal topography map
      '128',
      '128.1',
      '130', // PET, legacy converted PET, enhanced PET
      '481.1', // RT image
    ].map((suffix) => P + suffix),
  ),
  [
    `${P}104.1`,
    { category: 'no-pixel-data', one: 'an encapsulated PDF document', many: 'encapsulated PDF documents' },
  ],
  [
    `${P}104.2`,
    { category: 'no-pixel-data', one: 'an encapsulated CDA document', many: 'encapsulated CDA documents' },
  ],
  [`${P}104.3`, { category: 'no-pixel-data', one: 'a 3D model (STL)', many: '3D models (STL)' }],
  [`${P}104.4`, { category: 'no-pixel-data', one: 'a 3D model (OBJ)', many: '3D models (OBJ)' }],
  [
    `${P}104.5`,
    { category: 'no-pixel-data', one: 'a 3D model material (MTL)', many: '3D model materials (MTL)' },
  ],
  [
    `${P}80.1`,
    {
      category: 'no-pixel-data',
      one: 'visual-field measurements (OPV)',
      many: 'visual-field measurements (OPV)',
    },
  ],
  ...['78.1', '78.2', '78.3', '78.4', '78.5', '78.6', '78.7', '78.8', '79.1'].map(
    (suffix): [string, SopClassInfo] => [
      P + suffix,
      { category: 'no-pixel-data', one: 'ophthalmic measurements', many: 'ophthalmic measurements' },
    ],
  ),
  ...[
    '88.11',
    '88.22',
    '88.33',
    '88.34',
    '88.35',
    '88.40',
    '88.50',
    '88.65',
    '88.67',
    '88.68',
    '88.69',
    '88.70',
    '88.71',
    '88.72',
    '88.73',
    '88.74',
    '88.75',
    '88.76',
  ].map((suffix): [string, SopClassInfo] => [
    P + suffix,
    { category: 'no-pixel-data', one: 'a structured report (SR)', many: 'structured reports (SR)' },
  ]),
  [`${P}88.59`, { category: 'no-pixel-data', one: 'a key object selection', many: 'key object selections' }],
  ...['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8', '11.9', '11.10', '11.11', '11.12'].map(
    (suffix): [string, SopClassInfo] => [
      P + suffix,
      { category: 'no-pixel-data', one: 'a presentation state', many: 'presentation states' },
    ],
  ),
  ...[
    '9.1.1',
    '9.1.2',
    '9.1.3',
    '9.1.4',
    '9.2.1',
    '9.3.1',
    '9.4.1',
    '9.4.2',
    '9.5.1',
    '9.6.1',
    '9.6.2',
    '9.7.1',
    '9.7.2',
    '9.7.3',
    '9.7.4',
    '9.8.1',
  ].map((suffix): [string, SopClassInfo] => [
    P + suffix,
    { category: 'no-pixel-data', one: 'a waveform', many: 'waveforms' },
  ]),
  [`${P}4.2`, { category: 'no-pixel-data', one: 'MR spectroscopy data', many: 'MR spectroscopy data' }],
  [`${P}66`, { category: 'no-pixel-data', one: 'raw data', many: 'raw data' }],
  [`${P}66.1`, { category: 'no-pixel-data', one: 'a spatial registration', many: 'spatial registrations' }],
  [`${P}66.2`, { category: 'no-pixel-data', one: 'spatial fiducials', many: 'spatial fiducials' }],
  [
    `${P}66.3`,
    { category: 'no-pixel-data', one: 'a deformable registration', many: 'deformable registrations' },
  ],
  [`${P}66.4`, { category: 'pixel-data', one: 'a segmentation', many: 'segmentations' }],
  [`${P}66.5`, { category: 'no-pixel-data', one: 'a surface segmentation', many: 'surface segmentations' }],
  [
    `${P}67`,
    { category: 'no-pixel-data', one: 'a real-world value mapping', many: 'real-world value mappings' },
  ],
  [`${P}481.2`, { category: 'pixel-data', one: 'an RT dose grid', many: 'RT dose grids' }],
  [`${P}481.3`, { category: 'no-pixel-data', one: 'an RT structure set', many: 'RT structure sets' }],
  [`${P}481.5`, { category: 'no-pixel-data', one: 'an RT plan', many: 'RT plans' }],
]);

/** Modalities whose series never hold images, for archives that do not report SOP classes in searches. */
const NON_IMAGE_MODALITIES = new Set([
  'SR',
  'DOC',
  'KO',
  'PR',
  'OPV',
  'REG',
  'RTSTRUCT',
  'RTPLAN',
  'ECG',
  'AU',
  'HD',
  'FID',
]);

/** What a SOP class holds, or undefined for a class Fovea does not know. */
export function sopClassInfo(sopClassUid: string | undefined): SopClassInfo | undefined {
  return sopClassUid ? SOP_CLASSES.get(sopClassUid) : undefined;
}

/**
 * Whether a series can be shown as images, from what a search tells about it: its SOP class when the
 * archive reports one, else its modality. Unknown classes count as images when nothing says otherwise,
 * so that a new image type is tried rather than hidden.
 */
export function isImageSeries(sopClassUid: string | undefined, modality: string | undefined): boolean {
  const info = sopClassInfo(sopClassUid);
  if (info) return info.category === 'image';
  return !NON_IMAGE_MODALITIES.has(modality?.toUpperCase() ?? '');
}
