import { DicomWebClient } from '../dicomweb';
import {
  buffersOf,
  readSeriesFrames,
  type ImageFrame,
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
  onmessage: ((event: MessageEvent<SeriesReadingRequest>) => void) | null;
  postMessage(message: SeriesReadingMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

async function read({ client: settings, studyInstanceUid, seriesInstanceUid, layout }: SeriesReadingRequest) {
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

scope.onmessage = (event) => {
  read(event.data).then(
    (end) => scope.postMessage({ kind: 'ended', end }),
    (error: unknown) =>
      scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
