import { useEffect, useRef, useState, type RefObject } from 'react';
import { TextLayer } from 'pdfjs-dist';
import type { PDFDocumentProxy } from './pdfjs';
import { fitWidthScale, type Zoom } from './zoom';

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  zoom: Zoom;
  /** The scrolling area, whose width "fit width" fills. */
  stage: RefObject<HTMLDivElement | null>;
  onRendered: (pageNumber: number) => void;
  onError: (detail: string) => void;
}

const STAGE_PADDING = 32;

/** One page: drawn on a canvas at the screen's pixel density, with pdf.js's selectable text layer on top. */
export function PdfPage({ pdf, pageNumber, zoom, stage, onRendered, onError }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [stageWidth, setStageWidth] = useState(0);

  useEffect(() => {
    const element = stage.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => setStageWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [stage]);

  useEffect(() => {
    if (zoom === 'fit-width' && stageWidth === 0) return undefined;
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    let textLayerTask: TextLayer | undefined;
    (async () => {
      const page = await pdf.getPage(pageNumber);
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      const scale = zoom === 'fit-width' ? fitWidthScale(natural.width, stageWidth - STAGE_PADDING) : zoom;
      const viewport = page.getViewport({ scale });
      const target = canvas.current;
      const text = textLayer.current;
      if (!target || !text) return;
      const density = window.devicePixelRatio || 1;
      target.width = Math.floor(viewport.width * density);
      target.height = Math.floor(viewport.height * density);
      target.style.width = `${Math.floor(viewport.width)}px`;
      target.style.height = `${Math.floor(viewport.height)}px`;
      const task = page.render({
        canvas: target,
        viewport,
        transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0],
      });
      cancelRender = () => task.cancel();
      await task.promise;
      if (cancelled) return;
      text.replaceChildren();
      text.style.setProperty('--scale-factor', String(scale));
      text.style.setProperty('--total-scale-factor', String(scale));
      textLayerTask = new TextLayer({
        textContentSource: page.streamTextContent(),
        container: text,
        viewport,
      });
      await textLayerTask.render();
      if (!cancelled) onRendered(pageNumber);
    })().catch((error: unknown) => {
      if (cancelled || (error as { name?: string }).name === 'RenderingCancelledException') return;
      onError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    });
    return () => {
      cancelled = true;
      cancelRender?.();
      textLayerTask?.cancel();
    };
  }, [pdf, pageNumber, zoom, stageWidth, onRendered, onError]);

  return (
    <div className="pdf-page" data-testid="pdf-page" data-page-number={pageNumber}>
      <canvas ref={canvas} className="pdf-page__canvas" aria-label={`Page ${pageNumber}`} />
      <div ref={textLayer} className="textLayer pdf-page__text" />
    </div>
  );
}
