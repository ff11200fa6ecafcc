import { MultipartError, MultipartReader, multipartBoundaryOf, type MultipartPart } from '../dicomweb';

/**
 * The one part of a WADO-RS frame response (multipart/related, PS3.18 8.7), cut out on the main thread
 * by the DICOMweb layer's multipart reader (by its Content-Length, or native byte searches). The image
 * loader's own multipart reader compares every byte of the frame
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
  let part: MultipartPart | undefined;
  try {
    [part] = new MultipartReader(boundary).write(new Uint8Array(response));
  } catch (error) {
    if (error instanceof MultipartError) return undefined;
    throw error;
  }
  if (!part) return undefined;
  const contentTypeOfPart = part.headers.get('content-type') || 'application/octet-stream';
  const { body } = part;
  return {
    body:
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength
        ? (body.buffer as ArrayBuffer)
        : body.slice().buffer,
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
