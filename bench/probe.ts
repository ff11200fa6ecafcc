/**
 * Installed in every page before its own scripts (context.addInitScript), the same for Fovea, the floor
 * page and OHIF. It watches what is visibly drawn, from outside the app:
 *
 * - `firstImageAt`: performance.now() when a viewport-sized canvas (at least 256×256, in the page)
 *   first holds an image — checked by reading its pixels back (downscaled to 48×48: at least 3 % lit
 *   and four grey levels, so a black or flat canvas does not count) after every 2D draw onto it and at
 *   every animation frame. An image drawn inside an animation frame is caught at that draw; one drawn
 *   some other way at the next frame (≤ 17 ms late).
 * - while recording: the timestamps of animation frames and of draws onto viewport canvases (see
 *   frames.ts).
 *
 * Kept as source text: the page runs it as written, without the helpers a TypeScript build adds.
 */
export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__benchProbe) return;
  const MIN_SIDE = 256;
  const SAMPLE = 48;
  const proto = CanvasRenderingContext2D.prototype;
  const drawImage = proto.drawImage;
  const putImageData = proto.putImageData;
  const scratch = document.createElement('canvas');
  scratch.width = SAMPLE;
  scratch.height = SAMPLE;
  let scratchContext = null;
  const viewports = new WeakSet();
  const probe = {
    firstImageAt: undefined,
    recording: false,
    frames: [],
    draws: [],
    start() { this.frames = []; this.draws = []; this.recording = true; },
    stop() { this.recording = false; return { frames: this.frames, draws: this.draws }; },
  };
  Object.defineProperty(window, '__benchProbe', { value: probe });
  try { performance.setResourceTimingBufferSize(5000); } catch (e) {}

  function isViewport(canvas) {
    if (!canvas || viewports.has(canvas)) return !!canvas;
    if (!canvas.isConnected || canvas.width < MIN_SIDE || canvas.height < MIN_SIDE) return false;
    const rect = canvas.getBoundingClientRect();
    if (rect.width < MIN_SIDE || rect.height < MIN_SIDE) return false;
    viewports.add(canvas);
    return true;
  }

  function showsImage(canvas) {
    if (!scratchContext) scratchContext = scratch.getContext('2d', { willReadFrequently: true });
    scratchContext.clearRect(0, 0, SAMPLE, SAMPLE);
    try { drawImage.call(scratchContext, canvas, 0, 0, SAMPLE, SAMPLE); } catch (e) { return false; }
    const data = scratchContext.getImageData(0, 0, SAMPLE, SAMPLE).data;
    let lit = 0;
    const levels = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const grey = (data[i] * 3 + data[i + 1] * 6 + data[i + 2]) / 10;
      if (grey > 24) lit += 1;
      levels.add(grey >> 4);
    }
    return lit >= 0.03 * SAMPLE * SAMPLE && levels.size >= 4;
  }

  function afterDraw(context) {
    const canvas = context.canvas;
    if (canvas === scratch || !isViewport(canvas)) return;
    const now = performance.now();
    if (probe.recording) probe.draws.push(now);
    if (probe.firstImageAt === undefined && showsImage(canvas)) probe.firstImageAt = now;
  }

  proto.drawImage = function () {
    const result = drawImage.apply(this, arguments);
    afterDraw(this);
    return result;
  };
  proto.putImageData = function () {
    const result = putImageData.apply(this, arguments);
    afterDraw(this);
    return result;
  };

  function onFrame(time) {
    if (probe.recording) probe.frames.push(time);
    if (probe.firstImageAt === undefined) {
      for (const canvas of document.querySelectorAll('canvas')) {
        if (isViewport(canvas) && showsImage(canvas)) { probe.firstImageAt = performance.now(); break; }
      }
    }
    requestAnimationFrame(onFrame);
  }
  requestAnimationFrame(onFrame);
})();`;
