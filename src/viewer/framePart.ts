import { asciiBytes, indexOfBytes, multipartBoundaryOf } from '../dicomweb';

/**
 * The one part of a WADO-RS frame response (multipart/related, PS3.18 8.7), cut out on the main thread
 * with native byte searches. The image loader's own multipart reader compares every byte of the frame
 * in JavaScript to find the closing boundary, a few milliseconds of main thread per frame that hold
 * back every response queued behind it while a series streams in.
 */
export interface FramePart {
  /** The part's body: the frame's bytes, in a buffer of their own. */
  body: ArrayBuffer;
  /**
   * The part's Content-Type (`application/octet-stream; transfer-syntax=…`), or
   * `application/octet-stream` when the part names none, which the loader reads as Implicit VR Little
   * Endian as it would have for the whole response.
   */
  contentType: string;
  /** The transfer syntax the part says its frame is in, if it says. */
  transferSyntaxUid: string | undefined;
}

export { multipartBoundaryOf };

/** Part headers are a boundary line and a few short headers; beyond this the body is not a part. */
const PART_HEADERS_LIMIT = 4096;
const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;

/**
 * The first part of a multipart/related response with the given Content-Type, or undefined when the
 * response is not multipart or not well formed (the loader then reads it as before and reports it).
 */
export function firstPartOf(
  response: ArrayBuffer,
  contentType: string | null | undefined,
): FramePart | undefined {
  const boundary = multipartBoundaryOf(contentType);
  if (!boundary) return undefined;
  const bytes = new Uint8Array(response);
  const opening = asciiBytes(`--${boundary}`);
  // RFC 2046: a preamble may come before the first boundary line, which then starts after a CRLF.
  const start = indexOfBytes(bytes.subarray(0, PART_HEADERS_LIMIT), opening, 0);
  if (start === -1 || (start > 0 && (bytes[start - 2] !== CR || bytes[start - 1] !== LF))) return undefined;
  const headerEnd = indexOfBytes(
    bytes.subarray(0, start + PART_HEADERS_LIMIT),
    asciiBytes('\r\n\r\n'),
    start + opening.length,
  );
  if (headerEnd === -1) return undefined;
  const bodyStart = headerEnd + 4;
  // The CRLF before the next boundary line belongs to that line, not to the body.
  const bodyEnd = indexOfBytes(bytes, asciiBytes(`\r\n--${boundary}`), bodyStart - 2);
  if (bodyEnd === -1 || bodyEnd < bodyStart) return undefined;
  const after = bodyEnd + 2 + opening.length;
  const closes = bytes[after] === DASH && bytes[after + 1] === DASH;
  const continues =
    bytes[after] === CR || bytes[after] === LF || bytes[after] === 0x20 || bytes[after] === 0x09;
  if (!closes && !continues) return undefined;

  const headerText = String.fromCharCode(...bytes.subarray(start + opening.length, headerEnd));
  const partType = headerText
    .split(/\r\n/)
    .map((line) => /^content-type\s*:\s*(.*)$/i.exec(line)?.[1]?.trim())
    .find((value) => value !== undefined);
  const contentTypeOfPart = partType || 'application/octet-stream';
  return {
    body: response.slice(bodyStart, bodyEnd),
    contentType: contentTypeOfPart,
    transferSyntaxUid: /transfer-syntax\s*=\s*"?([\d.]+)"?/i.exec(contentTypeOfPart)?.[1],
  };
}

/**
 * Hands the image loader the frame of a WADO-RS response instead of the whole multipart message: the
 * loader then takes the frame as the response body, and reads its transfer syntax from what it takes
 * for the response's Content-Type, which becomes the part's. Undefined (and the request untouched)
 * when the response is not a multipart message this can read.
 */
export function takeFramePart(
  request: Pick<XMLHttpRequest, 'response' | 'getResponseHeader'>,
): FramePart | undefined {
  const response: unknown = request.response;
  if (!(response instanceof ArrayBuffer)) return undefined;
  const part = firstPartOf(response, request.getResponseHeader('Content-Type'));
  if (!part) return undefined;
  const headerOfResponse = request.getResponseHeader.bind(request);
  request.getResponseHeader = (name: string) =>
    name.toLowerCase() === 'content-type' ? part.contentType : headerOfResponse(name);
  return part;
}
