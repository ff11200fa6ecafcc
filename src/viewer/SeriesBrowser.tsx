import { formatDateAndTime, type SeriesSummary, type StudySummary } from '../dicom';
import { seriesIsImages } from './seriesContent';

export interface StudySeries {
  studyInstanceUid: string;
  study: StudySummary | undefined;
  series: SeriesSummary[];
}

interface SeriesBrowserProps {
  studies: StudySeries[];
  selected: string | undefined;
  onSelect: (series: SeriesSummary) => void;
}

function countLabel(series: SeriesSummary): string {
  const n = series.numberOfInstances;
  if (n === undefined) return '';
  if (!seriesIsImages(series)) return n === 1 ? '1 object' : `${n} objects`;
  return n === 1 ? '1 image' : `${n} images`;
}

/** The series of the open studies; choosing one shows it in the viewport. */
export function SeriesBrowser({ studies, selected, onSelect }: SeriesBrowserProps) {
  const grouped = studies.length > 1;
  return (
    <nav className="series-browser" aria-label="Series">
      {studies.map(({ studyInstanceUid, study, series }) => (
        <section key={studyInstanceUid} className="series-browser__study">
          {grouped && (
            <h2 className="series-browser__study-title">
              {formatDateAndTime(study?.studyDate, study?.studyTime) || 'Study'}
              {study?.description ? ` · ${study.description}` : ''}
            </h2>
          )}
          {series.length === 0 ? (
            <p className="series-browser__empty">This study has no series.</p>
          ) : (
            <ul className="series-browser__list">
              {series.map((item) => {
                const isSelected = item.seriesInstanceUid === selected;
                return (
                  <li key={item.seriesInstanceUid}>
                    <button
                      type="button"
                      className={`series-item${isSelected ? ' series-item--selected' : ''}${seriesIsImages(item) ? '' : ' series-item--document'}`}
                      data-testid="series-item"
                      data-series-uid={item.seriesInstanceUid}
                      aria-current={isSelected ? 'true' : undefined}
                      onClick={() => onSelect(item)}
                    >
                      <span className="series-item__modality">{item.modality || '—'}</span>
                      <span className="series-item__text">
                        <span className="series-item__description">
                          {item.description || 'No description'}
                        </span>
                        <span className="series-item__meta">
                          {[item.seriesNumber !== undefined && `#${item.seriesNumber}`, countLabel(item)]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </nav>
  );
}
