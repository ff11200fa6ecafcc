/**
 * Pixel buffers handed to and from the decoding workers by transfer rather than copy. The image loader
 * sends each frame to a worker and gets the decoded pixels back through Comlink, which copies both
 * (structured clone, twice per direction: 0.5 MB each way for a CT slice) unless told what to transfer;
 * the loader computes that list but does not pass it. Fovea reads the loader's messages instead (Comlink's
 * wire format: an APPLY call with its arguments, a RAW value in return) and names the pixel buffer.
 */

interface WireValue {
  type?: unknown;
  value?: unknown;
}

function pixelBufferOf(value: unknown): ArrayBuffer | undefined {
  const pixelData = (value as { pixelData?: unknown } | null | undefined)?.pixelData;
  if (!ArrayBuffer.isView(pixelData)) return undefined;
  const buffer = pixelData.buffer;
  // A SharedArrayBuffer (a volume's target) is shared already; it cannot and need not be transferred.
  return buffer instanceof ArrayBuffer ? buffer : undefined;
}

/**
 * The frame bytes of a decode request (main thread → worker) that may be transferred: only buffers
 * `mayTransfer` accepts, that is buffers that nothing on the main thread reads once they are sent.
 */
export function requestTransfers(
  message: unknown,
  mayTransfer: (buffer: ArrayBuffer) => boolean,
): ArrayBuffer[] {
  const call = message as { type?: unknown; argumentList?: unknown } | null | undefined;
  if (call?.type !== 'APPLY' || !Array.isArray(call.argumentList)) return [];
  const argument = call.argumentList[0] as WireValue | undefined;
  if (argument?.type !== 'RAW') return [];
  const buffer = pixelBufferOf(argument.value);
  return buffer && mayTransfer(buffer) ? [buffer] : [];
}

/**
 * The decoded pixels of a worker's answer (worker → main thread): a new array the worker made for this
 * frame and keeps no use for.
 */
export function answerTransfers(message: unknown): ArrayBuffer[] {
  const answer = message as WireValue | null | undefined;
  if (answer?.type !== 'RAW') return [];
  const buffer = pixelBufferOf(answer.value);
  return buffer && buffer.byteLength > 0 ? [buffer] : [];
}

/** `transfer` with `extra` added once each (a buffer listed twice makes postMessage throw). */
export function withTransfers(
  transfer: readonly Transferable[] | undefined,
  extra: readonly ArrayBuffer[],
): Transferable[] {
  const list = [...(transfer ?? [])];
  for (const buffer of extra) if (!list.includes(buffer)) list.push(buffer);
  return list;
}
