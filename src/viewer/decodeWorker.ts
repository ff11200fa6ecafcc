/**
 * The decoding worker: the image loader's own worker, whose answers hand the decoded pixels over
 * instead of copying them (pixelTransfer.ts).
 */
import '@cornerstonejs/dicom-image-loader/decodeImageFrameWorker';
import { answerTransfers, withTransfers } from './pixelTransfer';

// Comlink answers through `self.postMessage`, looked up at each answer.
const scope = self as unknown as { postMessage(message: unknown, transfer?: Transferable[]): void };
const post = scope.postMessage.bind(scope);
scope.postMessage = (message, transfer) => post(message, withTransfers(transfer, answerTransfers(message)));
