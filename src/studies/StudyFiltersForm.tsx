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
      <label className="field field--wide">
        <span className="field__label">Patient name</span>
        <input
          type="search"
          name="patientName"
          value={filters.patientName}
          placeholder="e.g. doe jane"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('patientName', event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Patient ID</span>
        <input
          type="search"
          name="patientId"
          value={filters.patientId}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('patientId', event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Accession</span>
        <input
          type="search"
          name="accession"
          value={filters.accessionNumber}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('accessionNumber', event.target.value)}
        />
      </label>
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
      <label className="field">
        <span className="field__label">Modality</span>
        <select
          name="modality"
          value={filters.modality}
          onChange={(event) => set('modality', event.target.value)}
        >
          <option value="">Any</option>
          {MODALITY_OPTIONS.map((modality) => (
            <option key={modality} value={modality}>
              {modality}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Description</span>
        <input
          type="search"
          name="description"
          value={filters.description}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('description', event.target.value)}
        />
      </label>
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
