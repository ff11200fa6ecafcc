import { useEffect, useRef, useState } from 'react';
import type { SeriesSummary } from '../../dicom';
import type { DicomWebClient } from '../../dicomweb';
import { ErrorDetail, StateMessage, usePacsQuery } from '../../ui';
import { saveBlob } from '../download';
import { PdfDocumentError } from './encapsulatedPdf';
import { loadEncapsulatedPdf, type LoadedPdf } from './loadEncapsulatedPdf';
import { clampZoom, ZOOM_STEPS, type Zoom } from './zoom';
import { PdfPage } from './PdfPage';
import { openPdf, type PDFDocumentProxy } from './pdfjs';

export interface PdfViewportProps {
  client: DicomWebClient;
  series: SeriesSummary;
}

/** An encapsulated PDF report: pages, zoom, download of the original file. */
export function PdfViewport({ client, series }: PdfViewportProps) {
  const key = `${series.studyInstanceUid}/${series.seriesInstanceUid}`;
  const loaded = usePacsQuery<LoadedPdf | PdfDocumentError>(key, (signal) =>
    loadEncapsulatedPdf(client, series, signal),
  );

  const data = loaded.isCurrent ? loaded.data : undefined;
  let body;
  if (loaded.error && !loaded.waitingForPacs) {
    body = (
      <StateMessage
        kind="error"
        title={`The report could not be loaded: ${loaded.error.userMessage}.`}
        actions={
          <button type="button" className="button" onClick={loaded.retry}>
            Try again
          </button>
        }
      >
        <ErrorDetail detail={loaded.error.detail} />
      </StateMessage>
    );
  } else if (!data) {
    body = <StateMessage kind="loading" title="Loading the report…" />;
  } else if (data instanceof PdfDocumentError) {
    body = (
      <StateMessage kind="error" title={data.message}>
        <ErrorDetail detail={data.detail} />
      </StateMessage>
    );
  } else {
    return <PdfDocumentView key={data.document.sopInstanceUid} loaded={data} />;
  }
  return (
    <div className="report-viewport pdf-report" data-testid="pdf-report" data-status="loading">
      {body}
    </div>
  );
}

function PdfDocumentView({ loaded }: { loaded: LoadedPdf }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [failure, setFailure] = useState<string>();
  const [pageNumber, setPageNumber] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('fit-width');
  const [renderedPage, setRenderedPage] = useState(0);
  const stage = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opened = openPdf(loaded.bytes);
    let live = true;
    opened.promise.then(
      (document) => live && setPdf(document),
      (error: unknown) =>
        live && setFailure(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
    );
    return () => {
      live = false;
      opened.destroy();
    };
  }, [loaded.bytes]);

  const pages = pdf?.numPages ?? 0;
  const go = (n: number) => setPageNumber(Math.min(Math.max(1, n), Math.max(1, pages)));
  const download = () =>
    saveBlob(new Blob([loaded.bytes.slice().buffer], { type: 'application/pdf' }), loaded.document.fileName);

  return (
    <div
      className="report-viewport pdf-report"
      data-testid="pdf-report"
      data-status={failure ? 'error' : renderedPage === pageNumber && pdf ? 'ready' : 'loading'}
      data-page={pageNumber}
      data-pages={pages}
      onKeyDown={(event) => {
        if (event.key === 'PageDown' || event.key === 'ArrowRight') go(pageNumber + 1);
        else if (event.key === 'PageUp' || event.key === 'ArrowLeft') go(pageNumber - 1);
        else return;
        event.preventDefault();
      }}
      tabIndex={0}
    >
      <div className="report-toolbar" role="toolbar" aria-label="Report">
        <span className="report-toolbar__title" title={loaded.document.title}>
          {loaded.document.title}
        </span>
        <div className="report-toolbar__group">
          <button
            type="button"
            className="button"
            onClick={() => go(pageNumber - 1)}
            disabled={Boolean(failure) || pageNumber <= 1}
          >
            Previous page
          </button>
          <span className="report-toolbar__pages" aria-live="polite">
            {failure ? 'No pages to show' : `Page ${pageNumber} of ${pages || '…'}`}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => go(pageNumber + 1)}
            disabled={Boolean(failure) || pageNumber >= pages}
          >
            Next page
          </button>
        </div>
        <div className="report-toolbar__group">
          <button
            type="button"
            className="button"
            aria-label="Zoom out"
            onClick={() => setZoom(clampZoom(zoom, -1))}
          >
            −
          </button>
          <select
            className="report-toolbar__zoom"
            aria-label="Zoom"
            value={String(zoom)}
            onChange={(event) =>
              setZoom(event.target.value === 'fit-width' ? 'fit-width' : Number(event.target.value))
            }
          >
            <option value="fit-width">Fit width</option>
            {ZOOM_STEPS.map((step) => (
              <option key={step} value={String(step)}>
                {Math.round(step * 100)} %
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            aria-label="Zoom in"
            onClick={() => setZoom(clampZoom(zoom, 1))}
          >
            +
          </button>
        </div>
        <button type="button" className="button button--primary" onClick={download}>
          Download PDF
        </button>
      </div>
      <div className="pdf-report__stage" ref={stage}>
        {failure ? (
          <StateMessage kind="error" title="This PDF could not be opened.">
            <ErrorDetail detail={failure} />
          </StateMessage>
        ) : pdf ? (
          <PdfPage
            pdf={pdf}
            pageNumber={pageNumber}
            zoom={zoom}
            stage={stage}
            onRendered={setRenderedPage}
            onError={setFailure}
          />
        ) : (
          <StateMessage kind="loading" title="Opening the PDF…" />
        )}
      </div>
    </div>
  );
}
