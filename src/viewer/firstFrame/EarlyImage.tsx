import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Spinner } from '../../ui';
import { firstFrameOf, readyFirstFrame, releaseImageCode, type FirstFrame } from './firstFrames';
import { keepFirstFramePainted } from './paintFirstFrame';

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
    return canvas ? keepFirstFramePainted(canvas, frame, releaseImageCode) : undefined;
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
