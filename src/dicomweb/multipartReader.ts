/** The answer is not the multipart message it should be; the message says where and why. */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** One part of a multipart message: its headers (names in lower case) and its body in a buffer of its own. */
export interface MultipartPart {
  headers: ReadonlyMap<string, string>;
  body: Uint8Array;
}

/** The boundary of a multipart Content-Type, quoted or not; undefined for any other type. */
export function multipartBoundaryOf(contentType: string | null | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;
const HEADERS_END = new Uint8Array([CR, LF, CR, LF]);
/** Text before the first boundary is allowed (RFC 2046 §5.1.1), but an answer without one is not multipart. */
const PREAMBLE_LIMIT = 64 * 1024;
/** A part's headers are a few short lines; beyond this the message is not what it claims. */
const HEADERS_LIMIT = 16 * 1024;

const enum State {
  /** Before the first boundary. */
  Preamble,
  /** Just after a boundary: CRLF (a part follows) or "--" (the last one has been). */
  AfterBoundary,
  Headers,
  /** A body of known length (Content-Length), copied straight from the pieces as they come. */
  SizedBody,
  /** After a sized body: the next boundary must follow at once. */
  Delimiter,
  /** A body without Content-Length: it ends where the next boundary is found. */
  OpenBody,
  Closed,
}

/** The bytes of an ASCII text (boundaries, header names). */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** First index of `needle` in `haystack` at or after `from`; jumps between first-byte hits natively. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (
    let at = haystack.indexOf(first, from);
    at !== -1 && at <= last;
    at = haystack.indexOf(first, at + 1)
  ) {
    let j = 1;
    while (j < needle.length && haystack[at + j] === needle[j]) j++;
    if (j === needle.length) return at;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * Reads a multipart message (RFC 2046; a DICOMweb retrieve answer, PS3.18 8.6) from its bytes as they
 * arrive and hands over each part as soon as its last byte is in, so that the first files of a
 * series can be used while the rest is on its way. A part with a Content-Length is copied once, into
 * its own buffer, without searching its bytes for the boundary; one without is cut at the boundary.
 * Anything that is not such a message fails with a MultipartError, by `end()` at the latest.
 */
export class MultipartReader {
  /** "--boundary", which opens the message. */
  private readonly dashBoundary: Uint8Array;
  /** CRLF "--boundary", which ends every part. */
  private readonly delimiter: Uint8Array;
  private state = State.Preamble;
  /** Bytes received and not yet read, in `pending[pendingStart, pendingEnd)`. */
  private pending = new Uint8Array(0);
  private pendingStart = 0;
  private pendingEnd = 0;
  /** Where the search for the end of an open body goes on from, relative to the pending bytes. */
  private searchedTo = 0;
  private headers: Map<string, string> = new Map();
  private body = new Uint8Array(0);
  private bodyFilled = 0;
  private partsRead = 0;

  constructor(boundary: string) {
    if (!boundary) throw new MultipartError('The multipart answer names no boundary');
    this.dashBoundary = asciiBytes(`--${boundary}`);
    this.delimiter = asciiBytes(`\r\n--${boundary}`);
  }

  /** Parts read so far. */
  get parts(): number {
    return this.partsRead;
  }

  /** Reads the next piece of the message; returns the parts it completed. */
  write(piece: Uint8Array): MultipartPart[] {
    const parts: MultipartPart[] = [];
    let input = piece;
    while (input.length > 0) {
      if (this.state === State.SizedBody && this.pendingEnd === this.pendingStart) {
        // Straight from the piece into the part's buffer: no second copy of a large file.
        const take = Math.min(input.length, this.body.length - this.bodyFilled);
        this.body.set(input.subarray(0, take), this.bodyFilled);
        this.bodyFilled += take;
        input = input.subarray(take);
        if (this.bodyFilled === this.body.length) this.finishPart(parts, State.Delimiter);
        continue;
      }
      if (this.state === State.Closed) return parts;
      this.append(input);
      input = input.subarray(input.length);
      this.readPending(parts);
    }
    return parts;
  }

  /** The message has ended: fails unless its closing boundary was read. */
  end(): void {
    if (this.state === State.Closed) return;
    if (this.state === State.Preamble) {
      throw new MultipartError('The answer is not a multipart message: its boundary never came');
    }
    throw new MultipartError(
      `The answer ended in the middle of part ${this.partsRead + 1}, before the closing boundary`,
    );
  }

  /** Reads what it can of the pending bytes. */
  private readPending(parts: MultipartPart[]): void {
    for (;;) {
      const bytes = this.pending.subarray(this.pendingStart, this.pendingEnd);
      switch (this.state) {
        case State.Preamble: {
          const at = startsWith(bytes, this.dashBoundary) ? 0 : indexOfBytes(bytes, this.delimiter, 0);
          if (at === -1) {
            if (bytes.length > PREAMBLE_LIMIT) {
              throw new MultipartError(
                'The answer is not a multipart message: no boundary in its first bytes',
              );
            }
            return;
          }
          this.consume(at === 0 && bytes[0] === DASH ? this.dashBoundary.length : at + this.delimiter.length);
          this.state = State.AfterBoundary;
          break;
        }
        case State.AfterBoundary: {
          // Transport padding (spaces, tabs) may follow a boundary before its line ends.
          let i = 0;
          while (i < bytes.length && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
          if (bytes.length < i + 2) return;
          if (bytes[i] === DASH && bytes[i + 1] === DASH) {
            this.state = State.Closed;
            this.consume(bytes.length);
            return;
          }
          if (bytes[i] !== CR || bytes[i + 1] !== LF) {
            throw new MultipartError(
              `Part ${this.partsRead + 1}: the boundary line does not end where it should`,
            );
          }
          this.consume(i + 2);
          this.state = State.Headers;
          break;
        }
        case State.Headers: {
          // No headers at all: the blank line comes at once.
          const blank = bytes[0] === CR && bytes[1] === LF ? -2 : indexOfBytes(bytes, HEADERS_END, 0);
          if (bytes.length < 2 || (blank === -1 && bytes.length <= HEADERS_LIMIT)) return;
          if (blank === -1) throw new MultipartError(`Part ${this.partsRead + 1}: its headers never end`);
          this.headers = parseHeaders(bytes.subarray(0, Math.max(0, blank)), this.partsRead + 1);
          this.consume(blank + 4);
          const length = this.headers.get('content-length');
          if (length !== undefined) {
            if (!/^\d+$/.test(length)) {
              throw new MultipartError(
                `Part ${this.partsRead + 1}: Content-Length "${length}" is not a number`,
              );
            }
            this.body = new Uint8Array(Number(length));
            this.bodyFilled = 0;
            this.state = State.SizedBody;
          } else {
            this.searchedTo = 0;
            this.state = State.OpenBody;
          }
          break;
        }
        case State.SizedBody: {
          const take = Math.min(bytes.length, this.body.length - this.bodyFilled);
          this.body.set(bytes.subarray(0, take), this.bodyFilled);
          this.bodyFilled += take;
          this.consume(take);
          if (this.bodyFilled < this.body.length) return;
          this.finishPart(parts, State.Delimiter);
          break;
        }
        case State.Delimiter: {
          if (bytes.length < this.delimiter.length) return;
          if (!startsWith(bytes, this.delimiter)) {
            throw new MultipartError(
              `Part ${this.partsRead}: more bytes than its Content-Length, or no boundary after it`,
            );
          }
          this.consume(this.delimiter.length);
          this.state = State.AfterBoundary;
          break;
        }
        case State.OpenBody: {
          const at = indexOfBytes(bytes, this.delimiter, this.searchedTo);
          if (at === -1) {
            // The boundary may begin in the bytes already searched and end in the next piece.
            this.searchedTo = Math.max(0, bytes.length - this.delimiter.length + 1);
            return;
          }
          this.body = bytes.slice(0, at);
          this.consume(at + this.delimiter.length);
          this.finishPart(parts, State.AfterBoundary);
          break;
        }
        case State.Closed:
          this.consume(bytes.length);
          return;
      }
    }
  }

  private finishPart(parts: MultipartPart[], next: State): void {
    parts.push({ headers: this.headers, body: this.body });
    this.partsRead += 1;
    this.headers = new Map();
    this.body = new Uint8Array(0);
    this.bodyFilled = 0;
    this.state = next;
  }

  private consume(count: number): void {
    this.pendingStart += count;
    if (this.pendingStart === this.pendingEnd) this.pendingStart = this.pendingEnd = 0;
  }

  /** Adds bytes to the pending ones, moving or growing the buffer only when they do not fit. */
  private append(bytes: Uint8Array): void {
    const kept = this.pendingEnd - this.pendingStart;
    if (this.pendingEnd + bytes.length > this.pending.length) {
      // Overlapping copies within one buffer are safe: set() reads the source first.
      const target =
        kept + bytes.length > this.pending.length
          ? new Uint8Array(Math.max(2 * this.pending.length, kept + bytes.length, 4096))
          : this.pending;
      target.set(this.pending.subarray(this.pendingStart, this.pendingEnd), 0);
      this.pending = target;
      this.pendingStart = 0;
      this.pendingEnd = kept;
    }
    this.pending.set(bytes, this.pendingEnd);
    this.pendingEnd += bytes.length;
  }
}

function parseHeaders(bytes: Uint8Array, part: number): Map<string, string> {
  const headers = new Map<string, string>();
  const text = new TextDecoder('latin1').decode(bytes);
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0)
      throw new MultipartError(`Part ${part}: a header line without a name: "${line.slice(0, 80)}"`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}
