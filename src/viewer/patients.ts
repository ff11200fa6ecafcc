import { formatPersonName, type StudySummary } from '../dicom';

/**
 * The different patients among studies opened together, as "NAME (ID)", in order of first
 * appearance. Studies are the same patient's when both the patient ID and the name agree.
 */
export function distinctPatients(studies: ReadonlyArray<StudySummary | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const study of studies) {
    if (!study) continue;
    const name = formatPersonName(study.patient.name) || 'Name not recorded';
    const key = `${study.patient.id}\u0000${name.toUpperCase()}`;
    if (!seen.has(key)) seen.set(key, study.patient.id ? `${name} (${study.patient.id})` : name);
  }
  return [...seen.values()];
}
