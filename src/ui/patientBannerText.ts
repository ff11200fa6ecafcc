import {
  formatAgeFromBirthDate,
  formatDate,
  formatDateAndTime,
  formatPersonName,
  formatSex,
  type StudySummary,
} from '../dicom';

/** What the patient banner says, for the React banner and for the viewer page drawn before the app. */
export interface PatientBannerText {
  name: string;
  fields: Array<[label: string, value: string]>;
  description?: string;
}

/** `today` is the day the age is counted to. */
export function patientBannerOf(study: StudySummary, today: Date = new Date()): PatientBannerText {
  const { patient } = study;
  const birth = formatDate(patient.birthDate);
  const age = formatAgeFromBirthDate(patient.birthDate, today);
  return {
    name: formatPersonName(patient.name) || 'Name not recorded',
    fields: [
      ['ID', patient.id || '—'],
      ['Born', birth ? (age ? `${birth} (${age})` : birth) : '—'],
      ['Sex', formatSex(patient.sex) || '—'],
      ['Study', formatDateAndTime(study.studyDate, study.studyTime) || '—'],
    ],
    description: study.description || undefined,
  };
}
