import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  formatDate,
  formatDateAndTime,
  formatPersonName,
  type SeriesSummary,
  type StudySummary,
} from '../../dicom';
import type { DicomWebClient } from '../../dicomweb';
import { ErrorDetail, StateMessage } from '../../ui';
import { safeFileName, saveBlob } from '../download';
import { svgToPng } from './exportPng';
import type { ReadTest } from './selection';
import { eyeName, SingleFieldAnalysis } from './SingleFieldAnalysis';
import { useEarlierVisualFields, useVisualFields } from './useVisualFields';

export interface VisualFieldViewportProps {
  client: DicomWebClient;
  study: StudySummary | undefined;
  series: SeriesSummary;
  studySeries: readonly SeriesSummary[];
}

/** The single-field analyses of the selected series (and the other eye), with print, PNG and prior tests. */
export function VisualFieldViewport({ client, study, series, studySeries }: VisualFieldViewportProps) {
  const fields = useVisualFields(client, series, studySeries);
  const data = fields.isCurrent ? fields.data : undefined;

  let content;
  if (fields.error && !fields.waitingForPacs) {
    content = (
      <StateMessage
        kind="error"
        title={`The visual field could not be loaded: ${fields.error.userMessage}.`}
        actions={
          <button type="button" className="button" onClick={fields.retry}>
            Try again
          </button>
        }
      >
        <ErrorDetail detail={fields.error.detail} />
      </StateMessage>
    );
  } else if (!data) {
    content = <StateMessage kind="loading" title="Loading the visual field…" />;
  } else if (data.empty) {
    content = <StateMessage kind="empty" title="This series holds no visual-field measurement." />;
  } else {
    content = (
      <div className="vf-report__fields" data-count={data.shown.length}>
        {data.shown.map((read) => (
          <FieldSheet
            key={read.sopInstanceUid}
            read={read}
            selected={read.seriesInstanceUid === series.seriesInstanceUid}
          />
        ))}
      </div>
    );
  }

  return (
    <div
      className="report-viewport vf-report"
      data-testid="visual-field-report"
      data-series-uid={series.seriesInstanceUid}
    >
      <div className="report-toolbar vf-report__toolbar" role="toolbar" aria-label="Visual field report">
        <span className="report-toolbar__title">Visual field · {series.description || 'OPV'}</span>
        <button
          type="button"
          className="button"
          onClick={() => window.print()}
          disabled={!data || data.empty}
        >
          Print / PDF
        </button>
      </div>
      <div className="vf-report__body">
        {content}
        <EarlierFields client={client} study={study} />
      </div>
    </div>
  );
}

function FieldSheet({ read, selected }: { read: ReadTest; selected: boolean }) {
  const sheet = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'failed'>('idle');
  if (!read.ok) {
    return (
      <div className="vf-report__sheet vf-report__sheet--error" data-testid="visual-field-error">
        <StateMessage kind="error" title={read.error.message}>
          <ErrorDetail detail={read.error.detail} />
        </StateMessage>
      </div>
    );
  }
  const { test } = read;
  const savePng = async () => {
    const svg = sheet.current?.querySelector('svg');
    if (!svg) return;
    setSaving('saving');
    try {
      const png = await svgToPng(svg);
      saveBlob(
        png,
        safeFileName(
          [
            formatPersonName(test.patient.name),
            formatDate(test.date),
            `Visual field ${test.pattern ?? ''} ${test.eye === 'R' ? 'OD' : 'OS'}`,
          ],
          'png',
        ),
      );
      setSaving('idle');
    } catch {
      setSaving('failed');
    }
  };
  return (
    <div
      className={`vf-report__sheet${selected ? ' vf-report__sheet--selected' : ''}`}
      ref={sheet}
      data-eye={test.eye}
    >
      <div className="vf-report__sheet-actions">
        <span>{eyeName(test.eye)}</span>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void savePng()}
          disabled={saving === 'saving'}
        >
          {saving === 'saving' ? 'Saving…' : 'Save PNG'}
        </button>
        {saving === 'failed' && (
          <span className="vf-report__save-error" role="alert">
            The PNG could not be made.
          </span>
        )}
      </div>
      <SingleFieldAnalysis test={test} />
    </div>
  );
}

/** The patient's studies with visual fields, this one marked, others linked for comparison. */
function EarlierFields({ client, study }: { client: DicomWebClient; study: StudySummary | undefined }) {
  const history = useEarlierVisualFields(client, study);
  let body;
  if (history.error && !history.waitingForPacs) {
    body = (
      <p className="vf-history__note">
        The patient’s other visual fields could not be searched: {history.error.userMessage}.
      </p>
    );
  } else if (!history.isCurrent || !history.data) {
    body = <p className="vf-history__note">Searching the patient’s visual fields…</p>;
  } else {
    const others = history.data.filter((s) => s.studyInstanceUid !== study?.studyInstanceUid);
    body =
      others.length === 0 ? (
        <p className="vf-history__note">No other visual fields of this patient in the PACS.</p>
      ) : (
        <ul className="vf-history__list">
          {history.data.map((s) => {
            const current = s.studyInstanceUid === study?.studyInstanceUid;
            const label = `${formatDateAndTime(s.studyDate, s.studyTime) || 'Date not recorded'} · ${s.description || 'Visual fields'}`;
            return (
              <li key={s.studyInstanceUid} data-study-uid={s.studyInstanceUid}>
                {current ? (
                  <span aria-current="true">{label} (on screen)</span>
                ) : (
                  <Link to={`/viewer?StudyInstanceUIDs=${encodeURIComponent(s.studyInstanceUid)}`}>
                    {label}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      );
  }
  return (
    <section
      className="vf-history"
      data-testid="visual-field-history"
      aria-label="Visual fields of this patient"
    >
      <h2 className="vf-history__title">Visual fields of this patient</h2>
      {body}
    </section>
  );
}
