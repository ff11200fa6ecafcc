import type { CharacterSet } from './part10';
import { demoUid } from './uids';

export interface DemoPatient {
  key: string;
  /** DICOM PN, with ideographic and phonetic groups where the name has them. */
  name: string;
  id: string;
  birthDate: string;
  sex: 'F' | 'M' | 'O';
  charset: CharacterSet;
}

/** The demo patients: names as clinics meet them, in Latin-1 and UTF-8 files. */
export const DEMO_PATIENTS: readonly DemoPatient[] = [
  {
    key: 'mueller',
    name: 'Müller^Jürgen',
    id: 'FOV1001',
    birthDate: '19580312',
    sex: 'M',
    charset: 'ISO_IR 100',
  },
  {
    key: 'garcia',
    name: 'García Márquez^José Luis',
    id: 'FOV1002',
    birthDate: '19630721',
    sex: 'M',
    charset: 'ISO_IR 100',
  },
  {
    key: 'dubois',
    name: 'Dubois^Hélène',
    id: 'FOV1003',
    birthDate: '19710204',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'obrien',
    name: "O'Brien^Siobhán",
    id: 'FOV1004',
    birthDate: '19850917',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'lindqvist',
    name: 'Lindqvist^Åsa',
    id: 'FOV1005',
    birthDate: '19490630',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'nguyen',
    name: 'Nguyễn^Thị Lan',
    id: 'FOV1006',
    birthDate: '19920111',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'papadopoulou',
    name: 'Papadopoulou^Eleni=Παπαδοπούλου^Ελένη',
    id: 'FOV1007',
    birthDate: '19670825',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'ivanov',
    name: 'Ivanov^Sergei=Иванов^Сергей',
    id: 'FOV1008',
    birthDate: '19550403',
    sex: 'M',
    charset: 'ISO_IR 192',
  },
  {
    key: 'yamada',
    name: 'Yamada^Tarō=山田^太郎=やまだ^たろう',
    id: 'FOV1009',
    birthDate: '19801119',
    sex: 'M',
    charset: 'ISO_IR 192',
  },
  {
    key: 'kim',
    name: 'Kim^Minjun=김^민준',
    id: 'FOV1010',
    birthDate: '19990228',
    sex: 'M',
    charset: 'ISO_IR 192',
  },
  {
    key: 'alhassan',
    name: 'Al-Hassan^Fatima=الحسن^فاطمة',
    id: 'FOV1011',
    birthDate: '19760512',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'cohen',
    name: 'Cohen^David=כהן^דוד',
    id: 'FOV1012',
    birthDate: '19611008',
    sex: 'M',
    charset: 'ISO_IR 192',
  },
  {
    key: 'okafor',
    name: 'Okafor^Chiamaka',
    id: 'FOV1013',
    birthDate: '19880322',
    sex: 'F',
    charset: 'ISO_IR 192',
  },
  {
    key: 'smith',
    name: 'Smith^John^A',
    id: 'FOV1014',
    birthDate: '19450115',
    sex: 'M',
    charset: 'ISO_IR 192',
  },
];

export function demoPatient(key: string): DemoPatient {
  const patient = DEMO_PATIENTS.find((p) => p.key === key);
  if (!patient) throw new Error(`No demo patient "${key}"`);
  return patient;
}

/**
 * The CT phantom: 512×512×200 axial slices, signed 16-bit with a rescale to Hounsfield units. Tests
 * read the canvas at the points below and compare with the window's expected grey levels.
 */
export const DEMO_CT = {
  patient: 'mueller',
  studyInstanceUID: demoUid('ct/study'),
  seriesInstanceUID: demoUid('ct/series'),
  studyDate: '20250314',
  description: 'CT CHEST ABDOMEN',
  accessionNumber: 'ACC-CT-0001',
  rows: 512,
  columns: 512,
  slices: 200,
  pixelSpacingMm: 0.7,
  sliceSpacingMm: 1.25,
  rescaleIntercept: -1024,
  rescaleSlope: 1,
  /** Stored value outside the reconstruction circle (HU −2024): negative on purpose. */
  paddingStoredValue: -1000,
  /** The first window preset, the viewer's default. */
  window: { center: 40, width: 400 },
  windows: [
    { center: 40, width: 400, explanation: 'SOFT TISSUE' },
    { center: -600, width: 1500, explanation: 'LUNG' },
  ],
  /**
   * Two 3×3-pixel markers (1500 HU) on slices 80–119, centres 144 pixels = 100.8 mm apart, for
   * measurement tests. Coordinates are [column, row].
   */
  ruler: {
    slices: [80, 119] as const,
    from: [184, 380] as const,
    to: [328, 380] as const,
    distanceMm: 100.8,
    hu: 1500,
  },
  /**
   * Points of slice 100 with their Hounsfield value: [column, row, HU].
   */
  probes: [
    [256, 150, 40], // soft tissue of the body
    [175, 240, -800], // right lung
    [256, 256, 40], // mediastinum
    [256, 330, 700], // spine (vertebral body)
    [60, 60, -2024], // outside the reconstruction circle
    [160, 205, 30], // the lung nodule, seen on slices 96–104 only
    [184, 380, 1500], // the ruler's left marker
  ] as ReadonlyArray<readonly [number, number, number]>,
} as const;
