import { formatDate } from '../dicom';
import { ChoiceField, SearchField } from '../ui';
import { RESULT_STATUS_LABELS, type ResultStatusKind } from './resultStatus';
import { STATUS_ORDER, type WorklistFilters } from './worklistFilters';

interface WorklistFiltersBarProps {
  /** DA of the day shown */
  date: string;
  filters: WorklistFilters;
  modalities: string[];
  stations: string[];
  counts: Record<ResultStatusKind, number> | undefined;
  onChange: (filters: WorklistFilters, date?: string) => void;
}

/** Day, modality, station, free text, and one button per result status with its count. */
export function WorklistFiltersBar({
  date,
  filters,
  modalities,
  stations,
  counts,
  onChange,
}: WorklistFiltersBarProps) {
  const set = <K extends keyof WorklistFilters>(key: K, value: WorklistFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <div className="worklist-filters">
      <form
        className="filter-bar"
        role="search"
        aria-label="Filter the worklist"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="field">
          <span className="field__label">Day</span>
          <input
            type="date"
            name="date"
            value={formatDate(date)}
            required
            onChange={(event) => {
              if (event.target.value) onChange(filters, event.target.value.replaceAll('-', ''));
            }}
          />
        </label>
        <SearchField
          label="Patient, ID or accession"
          name="q"
          value={filters.text}
          placeholder="e.g. doe jane"
          onChange={(value) => set('text', value)}
          wide
        />
        <ChoiceField
          label="Modality"
          name="modality"
          value={filters.modality}
          onChange={(value) => set('modality', value)}
          choices={modalities}
          anyLabel="All"
        />
        <ChoiceField
          label="Station"
          name="station"
          value={filters.station}
          onChange={(value) => set('station', value)}
          choices={stations}
          anyLabel="All"
        />
      </form>
      <div className="status-filter" role="group" aria-label="Result status">
        {STATUS_ORDER.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`status-filter__button result-status--${kind}`}
            aria-pressed={filters.status === kind}
            onClick={() => set('status', filters.status === kind ? '' : kind)}
          >
            <span className="status-filter__label">{RESULT_STATUS_LABELS[kind]}</span>
            <span className="status-filter__count" data-status-count={kind}>
              {counts ? counts[kind] : '–'}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
