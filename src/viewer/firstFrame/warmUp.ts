import type { DicomJsonDataset } from '../../dicom';
import { drawFirstFrame, firstFrameLookOf, initialVoiRange, modalityValuesOf } from './firstFramePixels';

/** A small CT-like image: the same attributes, value types and object shapes as a real first frame. */
const SIDE = 32;
const SAMPLE: DicomJsonDataset = {
  '00080060': { vr: 'CS', Value: ['CT'] },
  '00280002': { vr: 'US', Value: [1] },
  '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
  '00280010': { vr: 'US', Value: [SIDE] },
  '00280011': { vr: 'US', Value: [SIDE] },
  '00280030': { vr: 'DS', Value: [0.7, 0.7] },
  '00280100': { vr: 'US', Value: [16] },
  '00280101': { vr: 'US', Value: [12] },
  '00280103': { vr: 'US', Value: [1] },
  '00281050': { vr: 'DS', Value: [40] },
  '00281051': { vr: 'DS', Value: [400] },
  '00281052': { vr: 'DS', Value: [-1024] },
  '00281053': { vr: 'DS', Value: [1] },
};
const CANVAS = { width: 160, height: 120 };
const DRAWINGS = 6;

let warmed = false;

/**
 * Runs the early drawing's code (firstFramePixels.ts) on a small made-up image, once per page. That
 * code runs for one frame per page, on an engine that has compiled none of it: its loops ran slowly
 * enough to take 20–80 ms of the first frame's way to the screen. Run here while the series metadata
 * is on its way (the page is idle then), they are compiled by the time the frame arrives (6–10 ms).
 * Returns the last drawing (RGBA), or undefined once the page has done this.
 */
export function warmUpEarlyDrawing(): Uint8ClampedArray | undefined {
  if (warmed) return undefined;
  warmed = true;
  const look = firstFrameLookOf(SAMPLE);
  if (!look) return undefined;
  const stored = new Int16Array(SIDE * SIDE);
  for (let i = 0; i < stored.length; i++) stored[i] = ((i * 37) % 2048) + 900;
  const values = modalityValuesOf(stored.buffer, look);
  if (!values) return undefined;
  const voi = initialVoiRange(values, look);
  const out = new Uint8ClampedArray(CANVAS.width * CANVAS.height * 4);
  for (let i = 0; i < DRAWINGS; i++) drawFirstFrame(values, look, voi, CANVAS.width, CANVAS.height, out);
  return out;
}
