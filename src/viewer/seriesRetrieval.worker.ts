import { DicomWebClient } from '../dicomweb';
import {
  buffersOf,
  readSeriesFrames,
  type ImageFrame,
  type SeriesLayout,
  type SeriesReaderMessage,
  type SeriesReadingMessage,
  type SeriesReadingRequest,
} from './seriesFrames';

/**
 * Reads a series' one answer away from the page: its multipart reading, the cutting of its files into
 * frames and their decoding took the page's main thread for most of the answer's length, while the
 * viewer's code was starting and the first images were being decoded there. Each frame goes to the
 * page in a transferred buffer, not a copy. The page stops the answer by ending this worker.
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<SeriesReaderMessage>) => void) | null;
  postMessage(message: SeriesReadingMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

async function read(
  { client: settings, studyInstanceUid, seriesInstanceUid }: SeriesReadingRequest,
  layout: SeriesLayout | Promise<SeriesLayout | undefined>,
) {
  const client = new DicomWebClient({
    qidoRoot: settings.qidoRoot,
    wadoRoot: settings.wadoRoot,
    requestTimeoutMs: settings.requestTimeoutMs,
  });
  const controller = new AbortController();
  const files = client.retrieveSeriesFiles(studyInstanceUid, seriesInstanceUid, {
    signal: controller.signal,
  });
  const take = (transferSyntaxUid: string, frames: ImageFrame[]) =>
    scope.postMessage({ kind: 'frames', transferSyntaxUid, frames }, buffersOf(frames));
  return readSeriesFrames(files, layout, take, controller.signal);
}

/** Resolves the layout of an answer asked for before its metadata (a later 'layout' message). */
let layoutArrived: ((layout: SeriesLayout | undefined) => void) | undefined;

scope.onmessage = ({ data }) => {
  if (data.kind === 'layout') {
    layoutArrived?.(data.layout);
    return;
  }
  const layout = data.layout ?? new Promise<SeriesLayout | undefined>((resolve) => (layoutArrived = resolve));
  read(data, layout).then(
    (end) => scope.postMessage({ kind: 'ended', end }),
    (error: unknown) =>
      scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
