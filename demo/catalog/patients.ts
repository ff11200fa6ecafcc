import type { CharacterSet } from '../dicom/writer';

export interface DemoPatient {
  key: string;
  /** DICOM PN, with ideographic and phonetic groups where the name has them. */
  name: string;
  id: string;
  birthDate: string;
  sex: 'F' | 'M' | 'O';
  /** Specific Character Set of every file about this patient. */
  charset: CharacterSet;
}

/**
 * The demo patients: names as clinics meet them, in the character sets their modalities write.
 * Müller and García in Latin-1 (ISO_IR 100); Papadopoulou in Greek (ISO_IR 126), Ivanov in Cyrillic
 * (ISO_IR 144), Al-Hassan in Arabic (ISO_IR 127), Cohen in Hebrew (ISO_IR 138); Yamada in Japanese
 * (ISO 2022 IR 87, with the romaji spelling "Tarou" that JIS X 0208 modalities write) and Kim in
 * Korean (ISO 2022 IR 149) through code extensions; everybody else in UTF-8 (ISO_IR 192).
 */
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
    charset: 'ISO_IR 126',
  },
  {
    key: 'ivanov',
    name: 'Ivanov^Sergei=Иванов^Сергей',
    id: 'FOV1008',
    birthDate: '19550403',
    sex: 'M',
    charset: 'ISO_IR 144',
  },
  {
    key: 'yamada',
    name: 'Yamada^Tarou=山田^太郎=やまだ^たろう',
    id: 'FOV1009',
    birthDate: '19801119',
    sex: 'M',
    charset: 'ISO 2022 IR 87',
  },
  {
    key: 'kim',
    name: 'Kim^Minjun=김^민준',
    id: 'FOV1010',
    birthDate: '19990228',
    sex: 'M',
    charset: 'ISO 2022 IR 149',
  },
  {
    key: 'alhassan',
    name: 'Al-Hassan^Fatima=الحسن^فاطمة',
    id: 'FOV1011',
    birthDate: '19760512',
    sex: 'F',
    charset: 'ISO_IR 127',
  },
  {
    key: 'cohen',
    name: 'Cohen^David=כהן^דוד',
    id: 'FOV1012',
    birthDate: '19611008',
    sex: 'M',
    charset: 'ISO_IR 138',
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
    name: 'Smith^John^A.',
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

/** Age in whole years on a DICOM date (DA). */
export function ageOn(patient: DemoPatient, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(patient.birthDate.slice(0, 4));
  return date.slice(4) < patient.birthDate.slice(4) ? years - 1 : years;
}

export const DEMO_INSTITUTION = 'Fovea Eye & Imaging Clinic';
export const DEMO_REFERRING_PHYSICIAN = 'Grey^Meredith';
