import {
  formatAgeFromBirthDate,
  formatDate,
  formatDateAndTime,
  formatPersonName,
  formatSex,
  type StudySummary,
} from '../dicom';

/** Who and what is on screen; always visible in the viewer so that images are never seen without it. */
export function PatientBanner({ study }: { study: StudySummary | undefined }) {
  if (!study) {
    return (
      <section
        className="patient-banner patient-banner--empty"
        data-testid="patient-banner"
        aria-label="Patient"
      >
        <span className="patient-banner__name">Loading patient…</span>
      </section>
    );
  }
  const { patient } = study;
  const name = formatPersonName(patient.name) || 'Name not recorded';
  const birth = formatDate(patient.birthDate);
  const age = formatAgeFromBirthDate(patient.birthDate);
  const fields: Array<[string, string]> = [
    ['ID', patient.id || '—'],
    ['Born', birth ? (age ? `${birth} (${age})` : birth) : '—'],
    ['Sex', formatSex(patient.sex) || '—'],
    ['Study', formatDateAndTime(study.studyDate, study.studyTime) || '—'],
  ];
  return (
    <section className="patient-banner" data-testid="patient-banner" aria-label="Patient">
      <span className="patient-banner__name">{name}</span>
      <dl className="patient-banner__fields">
        {fields.map(([label, value]) => (
          <div key={label} className="patient-banner__field">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {study.description && <span className="patient-banner__description">{study.description}</span>}
    </section>
  );
}
