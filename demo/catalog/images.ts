import { seriesUid, studyUid } from '../uids';

/** SOP classes of the demo data (PS3.4 B.5). */
export const SOP_CLASSES = {
  ctImage: '1.2.840.10008.5.1.4.1.1.2',
  mrImage: '1.2.840.10008.5.1.4.1.1.4',
  crImage: '1.2.840.10008.5.1.4.1.1.1',
  usImage: '1.2.840.10008.5.1.4.1.1.6.1',
  usMultiFrameImage: '1.2.840.10008.5.1.4.1.1.3.1',
  secondaryCapture: '1.2.840.10008.5.1.4.1.1.7',
  ophthalmicPhotography8Bit: '1.2.840.10008.5.1.4.1.1.77.1.5.1',
  visualFieldStaticPerimetry: '1.2.840.10008.5.1.4.1.1.80.1',
  encapsulatedPdf: '1.2.840.10008.5.1.4.1.1.104.1',
  /** Not a storage class: what a worklist file describes (PS3.4 K.6.1.2). */
  modalityWorklistFind: '1.2.840.10008.5.1.4.31',
} as const;

/**
 * The CT phantom: 512×512×200 axial slices of a chest that turns into an upper abdomen, signed 16-bit
 * with a rescale to Hounsfield units. Tests read the screen at the probes and the ruler below.
 */
export const DEMO_CT = {
  patient: 'mueller',
  studyKey: 'ct',
  studyInstanceUID: studyUid('ct'),
  seriesNumber: 1,
  seriesInstanceUID: seriesUid('ct', 1),
  studyDate: '20250314',
  studyTime: '101500',
  description: 'CT CHEST ABDOMEN',
  seriesDescription: 'Axial 1.25 mm',
  accessionNumber: 'ACC-CT-0001',
  rows: 512,
  columns: 512,
  slices: 200,
  pixelSpacingMm: 0.7,
  sliceSpacingMm: 1.25,
  sliceThicknessMm: 1.25,
  /** Slice i (0-based, InstanceNumber i + 1) lies at z = −1.25·i mm: slice 0 is the most cranial. */
  firstImagePosition: [-178.85, -178.85, 0] as const,
  bitsStored: 16,
  pixelRepresentation: 1,
  rescaleIntercept: -1024,
  rescaleSlope: 1,
  /** Stored value outside the reconstruction circle (HU −2024), also the Pixel Padding Value: negative on purpose. */
  paddingStoredValue: -1000,
  paddingHu: -2024,
  /** The first window preset, the viewer's default. */
  window: { center: 40, width: 400 },
  windows: [
    { center: 40, width: 400, explanation: 'SOFT TISSUE' },
    { center: -600, width: 1500, explanation: 'LUNG' },
  ],
  /**
   * Two 3×3-pixel markers (1500 HU) on slices 80–119, centres 144 pixels = 100.8 mm apart, for
   * measurement tests. Coordinates are [column, row] of the centre pixel.
   */
  ruler: {
    slices: [80, 119] as const,
    from: [184, 380] as const,
    to: [328, 380] as const,
    sizePixels: 3,
    distanceMm: 100.8,
    hu: 1500,
  },
  /** The slice (0-based) of the probes. */
  probeSlice: 100,
  /** Points of the probe slice with their Hounsfield value: [column, row, HU]. */
  probes: [
    [256, 150, 40], // soft tissue of the anterior chest wall
    [175, 240, -800], // right lung
    [256, 256, 40], // mediastinum
    [256, 330, 700], // vertebral body (cancellous bone)
    [60, 60, -2024], // outside the reconstruction circle (padding)
    [160, 205, 30], // the lung nodule, seen on slices 96–104 only
    [184, 380, 1500], // the ruler's left marker
  ] as ReadonlyArray<readonly [number, number, number]>,
  /** Other landmarks, each on its own slice: [column, row, slice, HU, what]. */
  landmarks: [
    [160, 205, 110, -800, 'lung where the nodule was: the image changes within 10 slices'],
    [200, 270, 185, 60, 'liver'],
    [190, 280, 175, 5, 'liver cyst'],
    [244, 290, 65, 600, 'calcified lymph node'],
    [256, 100, 100, -1000, 'air in front of the chest, inside the reconstruction circle'],
    [256, 110, 100, -90, 'subcutaneous fat'],
  ] as ReadonlyArray<readonly [number, number, number, number, string]>,
  /** What a correctly displayed slice looks like, for people and for screenshot tests. */
  appearance: [
    'Soft tissue window (40/400): the body is mid-grey, brighter than the black air around it; lungs are black, bone and the ruler markers white.',
    'Lung window (−600/1500): lungs mid-dark grey with the nodule visible as a small bright disc on slices 96–104.',
    'Outside the reconstruction circle is black (padding, −2024 HU), not white: a viewer that reads the pixels as unsigned shows it wrongly.',
    'Scrolling from slice 100 to 110 removes the nodule; towards slice 140 and below the liver appears on the image left (patient right) and the lungs shrink.',
  ],
} as const;

/**
 * The MR phantom: a T1-like brain, 256×256×24, unsigned 16-bit. White matter and scalp are stored
 * above 32767, so a viewer that takes the pixels as signed shows them black instead of bright.
 */
export const DEMO_MR = {
  patient: 'garcia',
  studyKey: 'mr',
  studyInstanceUID: studyUid('mr'),
  seriesNumber: 1,
  seriesInstanceUID: seriesUid('mr', 1),
  studyDate: '20240611',
  studyTime: '143000',
  description: 'MR BRAIN',
  seriesDescription: 'T1 SE axial',
  accessionNumber: 'ACC-MR-0001',
  rows: 256,
  columns: 256,
  slices: 24,
  pixelSpacingMm: 0.9,
  sliceThicknessMm: 5,
  sliceSpacingMm: 5,
  bitsStored: 16,
  window: { center: 20000, width: 40000 },
  probeSlice: 12,
  /** [column, row, stored value] on the probe slice; each tissue has a texture of at most ±300. */
  probes: [
    [128, 60, 34000], // white matter
    [128, 30, 22000], // cortex (grey matter)
    [116, 120, 6000], // lateral ventricle (CSF)
    [128, 16, 3000], // skull
    [128, 10, 30000], // scalp
    [10, 10, 0], // air
  ] as ReadonlyArray<readonly [number, number, number]>,
  textureAmplitude: 300,
  appearance: [
    'White matter brighter than the grey cortex, ventricles dark, the skull a dark ring inside a bright scalp, air black.',
    'The head is smallest on the first and last slices and largest in the middle.',
  ],
} as const;

/** The chest radiograph: 1024 wide × 1280 high, 12 bits stored in 16, MONOCHROME1 (high values dark). */
export const DEMO_CR = {
  patient: 'dubois',
  studyKey: 'cr',
  studyInstanceUID: studyUid('cr'),
  seriesNumber: 1,
  seriesInstanceUID: seriesUid('cr', 1),
  studyDate: '20240902',
  studyTime: '091500',
  description: 'CHEST PA',
  seriesDescription: 'Chest PA',
  accessionNumber: 'ACC-CR-0001',
  rows: 1280,
  columns: 1024,
  bitsStored: 12,
  photometricInterpretation: 'MONOCHROME1',
  pixelSpacingMm: 0.35,
  window: { center: 2200, width: 3600 },
  /** [column, row, stored value ± tolerance] */
  probes: [
    [20, 1260, 4040], // air beside the body: the highest values, black on screen
    [322, 600, 3160], // right lung field
    [512, 400, 790], // spine behind the mediastinum: low values, white on screen
    [86, 96, 60], // the lead "R" marker: lowest values, brightest on screen
  ] as ReadonlyArray<readonly [number, number, number]>,
  probeTolerance: 60,
  /** A lead "R" marker in the upper left corner: the patient's right is on the image's left (PA view). */
  marker: { letter: 'R', left: 60, top: 60, width: 56, height: 80 },
  appearance: [
    'Lungs dark, spine, ribs, clavicles and heart light, air outside the body black (MONOCHROME1: high stored values are dark).',
    'A white "R" in the upper left corner; a viewer that ignores MONOCHROME1 shows a negative image with a black R.',
  ],
} as const;

/** The ultrasound cine: one multi-frame instance, 640×480, 8-bit, 40 frames at 30 frames per second. */
export const DEMO_US = {
  patient: 'obrien',
  studyKey: 'us',
  studyInstanceUID: studyUid('us'),
  seriesNumber: 1,
  seriesInstanceUID: seriesUid('us', 1),
  studyDate: '20250120',
  studyTime: '111000',
  description: 'ECHOCARDIOGRAPHY',
  seriesDescription: 'Apical four chamber cine',
  accessionNumber: 'ACC-US-0001',
  rows: 480,
  columns: 640,
  frames: 40,
  frameTimeMs: 33.33,
  cineRate: 30,
  /** The chamber fills and empties once every 20 frames. */
  beatFrames: 20,
  /** Centre of the pulsating chamber [column, row]: dark (blood) in every frame. */
  chamberCenter: [320, 250] as const,
  appearance: [
    'A fan-shaped sector with speckle on black; a dark chamber with a bright wall in the middle grows and shrinks twice over the 40 frames.',
  ],
} as const;

/** Colour fundus photographs: RGB, 8 bits, 1024×1024 (512×512 for the priors). */
export const DEMO_FUNDUS = {
  /** Field of view of the camera, degrees. */
  fieldOfViewDegrees: 45,
  /** Radius of the circular field of view, as a fraction of the image size; outside is black. */
  fieldRadius: 0.47,
  /** Optic disc centre, as fractions of the size: right of centre for a right eye, left for a left eye. */
  disc: { R: [0.67, 0.5], L: [0.33, 0.5] } as const,
  /** Fovea (macula centre), as fractions of the size. */
  fovea: [0.5, 0.51] as const,
  appearance: [
    'An orange-red disc of retina on black; a bright yellow optic disc with a paler cup nasally (right of centre for OD, left for OS); a darker macula in the centre; dark red veins and lighter, thinner arteries arching above and below the macula.',
  ],
} as const;

/**
 * A macular thickness map as an OCT device exports it: a Secondary Capture in PALETTE COLOR, 8-bit
 * stored values (retinal thickness in µm minus 150) coloured by a 256-entry, 16-bit Palette Color
 * Lookup Table (PS3.3 C.7.6.3, C.7.9). Value 0, outside the scanned circle, is black.
 */
export const DEMO_THICKNESS_MAP = {
  studyKey: 'op-lindqvist',
  seriesNumber: 3,
  seriesDescription: 'Macular thickness map OD',
  eye: 'R',
  rows: 256,
  columns: 256,
  /** Stored value = thickness (µm) − this; 1…255 cover 151–405 µm. */
  thicknessOffsetUm: 150,
  /** Radius of the scanned circle, pixels, around the centre of the image (the fovea). */
  scanRadius: 120,
  pixelSpacingMm: 0.025,
  /**
   * The colour scale: stored value → 8-bit RGB at its control points, linear between them; each
   * entry is written in 16 bits as value × 257, so its top 8 bits are exactly these colours.
   */
  palette: [
    [0, [0, 0, 0]],
    [1, [0, 0, 128]],
    [80, [0, 64, 255]],
    [120, [0, 200, 220]],
    [150, [0, 200, 0]],
    [180, [255, 240, 0]],
    [210, [255, 0, 0]],
    [255, [255, 255, 255]],
  ] as ReadonlyArray<readonly [number, readonly [number, number, number]]>,
  /** [column, row, stored value, RGB on screen, what]. */
  probes: [
    [128, 128, 60, [0, 48, 223], 'foveal pit (210 µm): blue'],
    [174, 128, 199, [255, 88, 0], 'nasal parafovea (349 µm): orange-red'],
    [82, 128, 175, [213, 233, 0], 'temporal parafovea (325 µm): yellow'],
    [128, 20, 82, [0, 71, 253], 'edge of the scan (232 µm): blue'],
    [10, 10, 0, [0, 0, 0], 'outside the scanned circle: black'],
  ] as ReadonlyArray<readonly [number, number, number, readonly [number, number, number], string]>,
  appearance: [
    'A black square with a coloured disc: a blue centre (the thin foveal pit) inside a yellow-to-orange ring (the thick parafovea, reddest nasally, on the image right), fading through green and cyan to blue at the edge of the disc.',
  ],
} as const;
