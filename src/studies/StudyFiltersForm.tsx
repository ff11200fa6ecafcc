import { ChoiceField, SearchField } from '../ui';
import {
  DATE_RANGE_LABELS,
  EMPTY_FILTERS,
  MODALITY_OPTIONS,
  hasFilters,
  type DateRange,
  type StudyFilters,
} from './studyFilters';

interface StudyFiltersFormProps {
  filters: StudyFilters;
  onChange: (filters: StudyFilters) => void;
  /** Runs the search now instead of after the typing pause. */
  onSubmit: () => void;
}

const DATE_RANGES = Object.keys(DATE_RANGE_LABELS) as DateRange[];

export function StudyFiltersForm({ filters, onChange, onSubmit }: StudyFiltersFormProps) {
  const set = <K extends keyof StudyFilters>(key: K, value: StudyFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <form
      className="filter-bar"
      role="search"
      aria-label="Filter studies"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <SearchField
        label="Patient name"
        name="patientName"
        value={filters.patientName}
        placeholder="e.g. doe jane"
        onChange={(value) => set('patientName', value)}
        wide
      />
      <SearchField
        label="Patient ID"
        name="patientId"
        value={filters.patientId}
        onChange={(value) => set('patientId', value)}
      />
      <SearchField
        label="Accession"
        name="accession"
        value={filters.accessionNumber}
        onChange={(value) => set('accessionNumber', value)}
      />
      <label className="field">
        <span className="field__label">Study date</span>
        <select
          name="date"
          value={filters.dateRange}
          onChange={(event) => set('dateRange', event.target.value as DateRange)}
        >
          {DATE_RANGES.map((range) => (
            <option key={range} value={range}>
              {DATE_RANGE_LABELS[range]}
            </option>
          ))}
        </select>
      </label>
      {filters.dateRange === 'custom' && (
        <>
          <label className="field">
            <span className="field__label">From</span>
            <input
              type="date"
              name="from"
              value={filters.dateFrom}
              max={filters.dateTo || undefined}
              onChange={(event) => set('dateFrom', event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">To</span>
            <input
              type="date"
              name="to"
              value={filters.dateTo}
              min={filters.dateFrom || undefined}
              onChange={(event) => set('dateTo', event.target.value)}
            />
          </label>
        </>
      )}
      <ChoiceField
        label="Modality"
        name="modality"
        value={filters.modality}
        onChange={(value) => set('modality', value)}
        choices={MODALITY_OPTIONS}
        anyLabel="Any"
      />
      <SearchField
        label="Description"
        name="description"
        value={filters.description}
        onChange={(value) => set('description', value)}
      />
      {/* Lets Enter in a text field search at once. */}
      <button type="submit" className="button button--primary">
        Search
      </button>
      <button
        type="button"
        className="button button--quiet"
        disabled={!hasFilters(filters)}
        onClick={() => onChange(EMPTY_FILTERS)}
      >
        Clear
      </button>
    </form>
  );
}
