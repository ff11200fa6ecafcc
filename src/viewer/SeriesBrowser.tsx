import { useEffect, useState } from 'react';
import { formatDateAndTime, type SeriesSummary, type StudySummary } from '../dicom';
import type { PacsQuery } from '../ui';
import { writeSeriesDrag } from './seriesDrag';
import { seriesIsImages } from './seriesContent';
import { useSeriesProgress } from './useSeriesProgress';

export interface StudySeries {
  studyInstanceUid: string;
  study: StudySummary | undefined;
  series: SeriesSummary[];
}

interface SeriesBrowserProps {
  studies: StudySeries[];
  /** The series of the active viewport */
  selected: string | undefined;
  /** Series on screen in any viewport */
  shown: readonly string[];
  onSelect: (series: SeriesSummary) => void;
  /** The series drawn small by the archive */
  loadThumbnail: (series: SeriesSummary, signal: AbortSignal) => Promise<Blob>;
  priors: PacsQuery<StudySummary[]>;
  onOpenStudy: (studyInstanceUid: string) => void;
}

function countLabel(series: SeriesSummary): string {
  const n = series.numberOfInstances;
  if (n === undefined) return '';
  if (!seriesIsImages(series)) return n === 1 ? '1 object' : `${n} objects`;
  return n === 1 ? '1 image' : `${n} images`;
}

/** A picture of the series drawn by the archive; the modality in its place when there is none. */
function Thumbnail({
  series,
  load,
}: {
  series: SeriesSummary;
  load: (series: SeriesSummary, signal: AbortSignal) => Promise<Blob>;
}) {
  const images = seriesIsImages(series);
  const [picture, setPicture] = useState<{ url?: string; failed?: boolean }>({});
  useEffect(() => {
    if (!images) return undefined;
    const controller = new AbortController();
    let url: string | undefined;
    load(series, controller.signal).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        setPicture({ url });
      },
      () => {
        if (!controller.signal.aborted) setPicture({ failed: true });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [images, load, series]);

  return (
    <span className="series-item__thumbnail">
      {picture.url ? (
        <img src={picture.url} alt="" draggable={false} data-testid="series-thumbnail" />
      ) : (
        <span className="series-item__thumbnail-text">
          {!images ? 'Document' : picture.failed ? 'No preview' : ''}
        </span>
      )}
      <span className="series-item__modality">{series.modality || '—'}</span>
    </span>
  );
}

function LoadProgress({ seriesInstanceUid }: { seriesInstanceUid: string }) {
  const progress = useSeriesProgress((state) => state.series[seriesInstanceUid]);
  if (!progress || progress.total === 0) return null;
  const done = progress.loaded >= progress.total;
  return (
    <span
      className={`series-item__progress${done ? ' series-item__progress--done' : ''}`}
      role="progressbar"
      aria-label="Images loaded"
      aria-valuemin={0}
      aria-valuemax={progress.total}
      aria-valuenow={progress.loaded}
      aria-valuetext={`${progress.loaded} of ${progress.total} images loaded`}
      data-testid="series-progress"
    >
      <span style={{ transform: `scaleX(${progress.loaded / progress.total})` }} />
    </span>
  );
}

function studyTitle(study: StudySummary | undefined): string {
  return (
    [formatDateAndTime(study?.studyDate, study?.studyTime), study?.description].filter(Boolean).join(' · ') ||
    'Study'
  );
}

/**
 * The series of the open studies, with the patient's other studies below. Clicking a series shows it
 * in the active viewport; dragging it drops it into any viewport.
 */
export function SeriesBrowser({
  studies,
  selected,
  shown,
  onSelect,
  loadThumbnail,
  priors,
  onOpenStudy,
}: SeriesBrowserProps) {
  const grouped = studies.length > 1;
  return (
    <nav className="series-browser" aria-label="Series">
      {studies.map(({ studyInstanceUid, study, series }) => (
        <section key={studyInstanceUid} className="series-browser__study" data-study-uid={studyInstanceUid}>
          {grouped && <h2 className="series-browser__study-title">{studyTitle(study)}</h2>}
          {series.length === 0 ? (
            <p className="series-browser__empty">This study has no series.</p>
          ) : (
            <ul className="series-browser__list">
              {series.map((item) => {
                const isSelected = item.seriesInstanceUid === selected;
                const isShown = shown.includes(item.seriesInstanceUid);
                const classes = [
                  'series-item',
                  isSelected && 'series-item--selected',
                  !isSelected && isShown && 'series-item--shown',
                  !seriesIsImages(item) && 'series-item--document',
                ];
                return (
                  <li key={item.seriesInstanceUid}>
                    <button
                      type="button"
                      className={classes.filter(Boolean).join(' ')}
                      data-testid="series-item"
                      data-series-uid={item.seriesInstanceUid}
                      aria-current={isSelected ? 'true' : undefined}
                      title="Click to show in the active viewport, or drag into a viewport"
                      draggable
                      onDragStart={(event) =>
                        writeSeriesDrag(
                          event.dataTransfer,
                          {
                            studyInstanceUid: item.studyInstanceUid,
                            seriesInstanceUid: item.seriesInstanceUid,
                          },
                          item.description ?? item.seriesInstanceUid,
                        )
                      }
                      onClick={() => onSelect(item)}
                    >
                      <Thumbnail series={item} load={loadThumbnail} />
                      <span className="series-item__text">
                        <span className="series-item__description">
                          {item.description || 'No description'}
                        </span>
                        <span className="series-item__meta">
                          {[item.seriesNumber !== undefined && `#${item.seriesNumber}`, countLabel(item)]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                        <LoadProgress seriesInstanceUid={item.seriesInstanceUid} />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
      <PriorStudies priors={priors} onOpenStudy={onOpenStudy} />
    </nav>
  );
}

function PriorStudies({
  priors,
  onOpenStudy,
}: {
  priors: PacsQuery<StudySummary[]>;
  onOpenStudy: (studyInstanceUid: string) => void;
}) {
  let body;
  if (priors.error && !priors.data) {
    body = (
      <p className="series-browser__empty" role="alert">
        The patient&rsquo;s other studies could not be listed: {priors.error.userMessage}.{' '}
        <button type="button" className="link-button" onClick={priors.retry}>
          Try again
        </button>
      </p>
    );
  } else if (!priors.data) {
    body = <p className="series-browser__empty">Looking for other studies of this patient…</p>;
  } else if (priors.data.length === 0) {
    body = <p className="series-browser__empty">No other studies of this patient in the archive.</p>;
  } else {
    body = (
      <ul className="series-browser__list">
        {priors.data.map((study) => (
          <li key={study.studyInstanceUid}>
            <button
              type="button"
              className="prior-study"
              data-testid="prior-study"
              data-study-uid={study.studyInstanceUid}
              onClick={() => onOpenStudy(study.studyInstanceUid)}
              title="Add this study to the series list"
            >
              <span className="prior-study__date">
                {formatDateAndTime(study.studyDate, study.studyTime) || 'No date'}
              </span>
              <span className="prior-study__description">{study.description || 'No description'}</span>
              <span className="series-item__meta">
                {[
                  study.modalities.join(', '),
                  study.numberOfSeries !== undefined && `${study.numberOfSeries} series`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section
      className="series-browser__study series-browser__priors"
      aria-label="Other studies of this patient"
    >
      <h2 className="series-browser__study-title">Other studies of this patient</h2>
      {body}
    </section>
  );
}
