import { useEffect, useRef, useState } from 'react';
import { formatDateAndTime, type SeriesSummary, type StudySummary } from '../dicom';
import type { PixelBox } from '../reports';
import type { PacsQuery } from '../ui';
import { writeSeriesDrag } from './seriesDrag';
import { seriesIsImages } from './seriesContent';
import { thumbnailFailure, thumbnailKindOf, type ThumbnailKind } from './seriesThumbnail';
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
  /** The series drawn small: by the archive, or page 1 of its PDF */
  loadThumbnail: LoadThumbnail;
  /** False until the images on screen are drawn: thumbnails wait for them. */
  previewsMayLoad: boolean;
  /** False until the series on screen are in: documents' previews wait for them. */
  documentsMayLoad: boolean;
  priors: PacsQuery<StudySummary[]>;
  onOpenStudy: (studyInstanceUid: string) => void;
}

function countLabel(series: SeriesSummary): string {
  const n = series.numberOfInstances;
  if (n === undefined) return '';
  if (!seriesIsImages(series)) return n === 1 ? '1 object' : `${n} objects`;
  return n === 1 ? '1 image' : `${n} images`;
}

/** Asks for a series' picture to fit `box` (device pixels). */
export type LoadThumbnail = (
  series: SeriesSummary,
  kind: Exclude<ThumbnailKind, 'none'>,
  box: PixelBox,
  signal: AbortSignal,
) => Promise<Blob>;

/** How long an idle moment a document's preview waits for before it is drawn anyway. */
const IDLE_WAIT_MS = 2000;

/** Runs `task` in an idle moment (soon after at the latest); Safari has no requestIdleCallback. */
function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(task, { timeout: IDLE_WAIT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}

/**
 * A picture of the series: drawn by the archive for images, page 1 for a PDF (once the images are on
 * screen, in an idle moment); the series' kind in words meanwhile, or when there is none.
 */
function Thumbnail({
  series,
  load,
  previewsMayLoad,
  documentsMayLoad,
}: {
  series: SeriesSummary;
  load: LoadThumbnail;
  previewsMayLoad: boolean;
  documentsMayLoad: boolean;
}) {
  const kind = thumbnailKindOf(series);
  const tile = useRef<HTMLSpanElement>(null);
  const [picture, setPicture] = useState<{ url?: string; failure?: string }>({});
  useEffect(() => {
    const element = tile.current;
    const mayLoad = kind === 'pdf' ? documentsMayLoad : previewsMayLoad;
    if (kind === 'none' || !mayLoad || !element) return undefined;
    const controller = new AbortController();
    let url: string | undefined;
    const density = window.devicePixelRatio || 1;
    const box = {
      width: Math.round(element.clientWidth * density),
      height: Math.round(element.clientHeight * density),
    };
    const start = () =>
      load(series, kind, box, controller.signal).then(
        (blob) => {
          if (controller.signal.aborted) return;
          url = URL.createObjectURL(blob);
          setPicture({ url });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setPicture({ failure: thumbnailFailure(error) });
        },
      );
    let cancelWait: (() => void) | undefined;
    if (kind === 'pdf') cancelWait = whenIdle(() => void start());
    else void start();
    return () => {
      controller.abort();
      cancelWait?.();
      if (url) URL.revokeObjectURL(url);
    };
  }, [kind, previewsMayLoad, documentsMayLoad, load, series]);

  const words = kind === 'images' ? (picture.failure ? 'No preview' : '') : 'Document';
  return (
    <span className="series-item__thumbnail" ref={tile}>
      {picture.url ? (
        <img
          src={picture.url}
          alt=""
          draggable={false}
          className={kind === 'pdf' ? 'series-item__page' : undefined}
          data-testid={kind === 'pdf' ? 'document-thumbnail' : 'series-thumbnail'}
        />
      ) : (
        <span
          className="series-item__thumbnail-text"
          data-testid="thumbnail-text"
          {...(picture.failure
            ? { role: 'img', 'aria-label': `${words}. ${picture.failure}`, title: picture.failure }
            : {})}
        >
          {words}
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
  previewsMayLoad,
  documentsMayLoad,
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
                      <Thumbnail
                        series={item}
                        load={loadThumbnail}
                        previewsMayLoad={previewsMayLoad}
                        documentsMayLoad={documentsMayLoad}
                      />
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
