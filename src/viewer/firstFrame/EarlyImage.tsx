import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Spinner } from '../../ui';
import { drawFirstFrame } from './firstFramePixels';
import { firstFrameOf, readyFirstFrame, releaseImageCode, type FirstFrame } from './firstFrames';

/** The early frame of `imageId` once it is decoded; undefined while it is not (or never will be). */
export function useFirstFrame(imageId: string | undefined): FirstFrame | undefined {
  const [arrived, setArrived] = useState<{ imageId: string; frame: FirstFrame | undefined }>();
  useEffect(() => {
    const pending = imageId ? firstFrameOf(imageId) : undefined;
    if (!imageId || !pending) return undefined;
    let current = true;
    void pending.then((frame) => {
      if (current) setArrived({ imageId, frame });
    });
    return () => {
      current = false;
    };
  }, [imageId]);
  if (!imageId) return undefined;
  // Known at once when decoded already: a view that replaces another shows it from its first paint.
  return arrived?.imageId === imageId ? arrived.frame : readyFirstFrame(imageId);
}

/**
 * The first image of the series, drawn from its pixels while the viewer's image code loads, where and as
 * the viewer will draw it. It is only a picture: the tools act once the viewer has taken over, which
 * the note at the bottom says meanwhile.
 */
export function EarlyImage({ frame }: { frame: FirstFrame }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    let drawn: { width: number; height: number } | undefined;
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.round(canvas.clientWidth * ratio);
      const height = Math.round(canvas.clientHeight * ratio);
      if (width < 1 || height < 1) return;
      // The observer reports the size once when it starts: the image drawn at that size already is
      // not drawn a second time before the first paint.
      if (drawn?.width === width && drawn.height === height) return;
      drawn = { width, height };
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) return;
      const image = context.createImageData(width, height);
      drawFirstFrame(frame.values, frame.look, frame.voi, width, height, image.data);
      context.putImageData(image, 0, 0);
      releaseImageCode();
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [frame]);

  return (
    <>
      <canvas ref={canvasRef} className="viewport__early-image" data-testid="early-image" aria-hidden />
      <p className="viewport__early-note" role="status">
        <Spinner />
        <span>Image shown; tools are loading…</span>
      </p>
    </>
  );
}
