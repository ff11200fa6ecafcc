import { drawFirstFrame } from './firstFramePixels';
import type { FirstFrame } from './firstFrames';

/**
 * Draws `frame` over the whole of `canvas`, at the canvas's displayed size in device pixels, now and
 * whenever that size changes, until the returned function is called or the canvas leaves the page.
 * `onPainted` is called after each drawing.
 */
export function keepFirstFramePainted(
  canvas: HTMLCanvasElement,
  frame: FirstFrame,
  onPainted: () => void,
): () => void {
  let drawn: { width: number; height: number } | undefined;
  const paint = () => {
    if (!canvas.isConnected) {
      observer.disconnect();
      return;
    }
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
    onPainted();
  };
  const observer = new ResizeObserver(paint);
  paint();
  observer.observe(canvas);
  return () => observer.disconnect();
}
