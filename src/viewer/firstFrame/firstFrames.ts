import { IMPLICIT_VR_LITTLE_ENDIAN } from '../../dicom';
import type { DicomWebClient } from '../../dicomweb';
import { ACCEPT_FRAMES_AS_STORED } from '../../dicomweb/accept';
import { firstPartOf } from '../framePart';
import type { StackImage } from '../stackOrder';
import {
  firstFrameLookOf,
  initialVoiRange,
  modalityValuesOf,
  readsTransferSyntax,
  storedTransferSyntaxOf,
  type FirstFrameLook,
} from './firstFramePixels';

/** The first image of a series, fetched and decoded before the image code has loaded. */
export interface FirstFrame {
  imageId: string;
  look: FirstFrameLook;
  /** Modality values (rescaled), row by row. */
  values: Float32Array;
  /** The window Cornerstone will open the image with. */
  voi: { lower: number; upper: number };
}

interface Entry {
  frame: Promise<FirstFrame | undefined>;
  /** The frame once decoded, for a view that mounts after that and must draw it at once. */
  ready?: FirstFrame;
  /** The frame as it came, until the image loader takes it (then it is not fetched a second time). */
  bytes?: { pixelData: ArrayBuffer; transferSyntaxUid: string };
}

/** Few: one per viewport the page opened with. */
const KEEP = 4;
const entries = new Map<string, Entry>();

/**
 * Fetches and decodes the first image of a stack, once per image, for the early drawing. Resolves to
 * undefined (never rejects) for images the early drawing does not handle or when anything fails: the
 * viewer then shows the image the normal way.
 */
export function fetchFirstFrame(client: DicomWebClient, image: StackImage): Promise<FirstFrame | undefined> {
  const known = entries.get(image.imageId);
  if (known) return known.frame;
  const entry: Entry = { frame: Promise.resolve(undefined) };
  entry.frame = load(client, image, entry).then(
    (frame) => {
      entry.ready = frame;
      return frame;
    },
    () => {
      entry.bytes = undefined;
      return undefined;
    },
  );
  entries.set(image.imageId, entry);
  while (entries.size > KEEP) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return entry.frame;
}

async function load(
  client: DicomWebClient,
  image: StackImage,
  entry: Entry,
): Promise<FirstFrame | undefined> {
  const { dataset } = image.instance;
  const look = firstFrameLookOf(dataset);
  if (!look || !readsTransferSyntax(storedTransferSyntaxOf(dataset))) return undefined;
  const url = image.imageId.replace(/^wadors:/, '');
  // As stored, as the image loader asks (archives seldom say the stored syntax in the metadata).
  const message = await client.retrieveFrameMessage(url, ACCEPT_FRAMES_AS_STORED);
  const part = firstPartOf(message.body, message.contentType);
  if (!part) return undefined;
  // A grey frame is the loader's to decode whatever its syntax: it takes these bytes, not a second copy.
  // A part that names no syntax is in WADO-RS's default, which the loader reads as Implicit VR LE.
  entry.bytes = {
    pixelData: part.body,
    transferSyntaxUid: part.transferSyntaxUid ?? IMPLICIT_VR_LITTLE_ENDIAN,
  };
  // A compressed one needs the codecs, which load with the image code: it is drawn by the viewer.
  if (!readsTransferSyntax(part.transferSyntaxUid)) return undefined;
  const values = modalityValuesOf(part.body, look);
  if (!values) return undefined;
  return { imageId: image.imageId, look, values, voi: initialVoiRange(values, look) };
}

/** The early frame of `imageId` while it is on its way or ready; undefined when none was asked for. */
export function firstFrameOf(imageId: string): Promise<FirstFrame | undefined> | undefined {
  return entries.get(imageId)?.frame;
}

/** The early frame of `imageId` if it is decoded already. */
export function readyFirstFrame(imageId: string): FirstFrame | undefined {
  return entries.get(imageId)?.ready;
}

/**
 * The frame's bytes for the image loader, handed over once: the loader decodes them as if it had
 * fetched them, and the memory is the loader's from then on.
 */
export function takeFirstFrameBytes(
  imageId: string,
): { pixelData: ArrayBuffer; transferSyntaxUid: string } | undefined {
  const entry = entries.get(imageId);
  const bytes = entry?.bytes;
  if (entry) entry.bytes = undefined;
  return bytes;
}

/**
 * Evaluating the viewer's image code (Cornerstone, about a second of main thread on a busy two-core
 * machine) would hold up every answer the early image waits for, so on a page opened on the viewer it
 * waits until the early image is drawn or given up — at most `MAX_HOLD_MS`, so that nothing ever
 * depends on the early path.
 */
const MAX_HOLD_MS = 4000;
/** After the early frame is decoded, how long its drawing may take before the image code goes ahead. */
const DRAW_GRACE_MS = 300;
let imageCodeGate: Promise<void> = Promise.resolve();
let openGate: (() => void) | undefined;

/** Makes the image code wait for the early image (a page opened on the viewer). */
export function holdImageCodeForEarlyImage(): void {
  if (openGate) return;
  imageCodeGate = new Promise<void>((resolve) => {
    openGate = resolve;
    setTimeout(resolve, MAX_HOLD_MS);
  });
}

/** The early image is on screen, or will not be: the image code may load. */
export function releaseImageCode(): void {
  openGate?.();
}

/** Resolves when the image code may be evaluated. */
export function imageCodeMayLoad(): Promise<void> {
  return imageCodeGate;
}

/** Releases the image code once `frame` has settled: at once without a frame, soon after with one. */
export function releaseImageCodeAfter(frame: Promise<FirstFrame | undefined>): void {
  void frame.then((decoded) => {
    if (!decoded) releaseImageCode();
    else setTimeout(releaseImageCode, DRAW_GRACE_MS);
  });
}
