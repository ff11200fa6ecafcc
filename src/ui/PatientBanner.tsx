import type { StudySummary } from '../dicom';
import { patientBannerOf } from './patientBannerText';

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
  const { name, fields, description } = patientBannerOf(study);
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
      {description && <span className="patient-banner__description">{description}</span>}
    </section>
  );
}
