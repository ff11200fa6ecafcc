/** The answer is not the JSON array it should be; the message says where and why. */
export class JsonArrayError extends Error {
  override name = 'JsonArrayError';
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Backslash = 92,
  OpenBracket = 91,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** JSON's own whitespace (RFC 8259 §2): no other space character may stand between tokens. */
const isWhitespace = (c: number) =>
  c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab;

const enum Expect {
  /** Just after "[": an element or "]". */
  FirstElement,
  /** After ",": an element. */
  Element,
  /** After an element: "," or "]". */
  CommaOrEnd,
}

/**
 * Reads a JSON array from its bytes as they arrive and hands over each element as soon as its last
 * byte is in, so that an answer of thousands of entries is mostly read by the time it ends.
 *
 * Only the boundaries of the elements are found here; each run of complete elements is then given to JSON.parse,
 * which checks them. The separators between elements are checked here, so any input that is not one
 * JSON array fails with a JsonArrayError, by `end()` at the latest.
 */
export class JsonArrayReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Text of earlier pieces from the first element not yet parsed on (complete or not). */
  private pending: string[] = [];
  /** 0: before "["; 1: between elements; more: inside an element's objects and arrays. */
  private depth = 0;
  private inString = false;
  /** The last character read was a backslash inside a string. */
  private escaped = false;
  /** The element being read is a number, true, false or null. */
  private inPrimitive = false;
  private inElement = false;
  private expect = Expect.FirstElement;
  private closed = false;
  /** Characters of earlier pieces, for the position in error messages. */
  private consumed = 0;
  /** Elements whose end was found, and elements parsed and handed over. */
  private ended = 0;
  private count = 0;

  /** The elements these bytes complete, in order. */
  write(bytes: Uint8Array): unknown[] {
    return this.read(this.decode(bytes, true));
  }

  /** The elements the last bytes complete; throws when the array is unfinished. */
  end(): unknown[] {
    const elements = this.read(this.decode(new Uint8Array(0), false));
    if (!this.closed) {
      this.fail(
        0,
        this.depth === 0 ? 'the answer is empty, not a JSON array' : 'the answer ends inside the array',
      );
    }
    return elements;
  }

  /** Elements read so far. */
  get elements(): number {
    return this.count;
  }

  private decode(bytes: Uint8Array, more: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream: more });
    } catch {
      throw new JsonArrayError(`the answer is not UTF-8 text (after element ${this.ended})`);
    }
  }

  /**
   * One pass over the piece, character by character: a tight loop over a flat string allocates
   * nothing, which made it several times faster than hopping between regular expression matches.
   */
  private read(piece: string): unknown[] {
    // Where the text to parse starts in this piece (0 when it began in an earlier one), where the last
    // complete element ends, and where the element being read starts.
    let runStart = this.pending.length > 0 ? 0 : -1;
    let runEnd = -1;
    let elementStart = this.inElement ? 0 : -1;
    const length = piece.length;
    for (let i = 0; i < length; i++) {
      const c = piece.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === Char.Backslash) this.escaped = true;
        else if (c === Char.Quote) {
          this.inString = false;
          // A string standing alone in the array ends the element with its quote.
          if (this.depth === 1) runEnd = this.elementEnds(i + 1);
        }
        continue;
      }
      if (this.depth >= 2) {
        if (c === Char.Quote) this.inString = true;
        else if (c === Char.OpenBrace || c === Char.OpenBracket) this.depth++;
        else if ((c === Char.CloseBrace || c === Char.CloseBracket) && --this.depth === 1) {
          runEnd = this.elementEnds(i + 1);
        }
        continue;
      }
      if (this.inPrimitive) {
        if (!(isWhitespace(c) || c === Char.Comma || c === Char.CloseBracket)) continue;
        this.inPrimitive = false;
        runEnd = this.elementEnds(i);
      }
      if (isWhitespace(c)) continue;
      if (this.token(c, i)) {
        elementStart = i;
        if (runStart < 0) runStart = i;
      }
    }
    let elements: unknown[] = [];
    if (runEnd >= 0) {
      const run =
        this.pending.length > 0
          ? this.pending.join('') + piece.slice(0, runEnd)
          : piece.slice(runStart, runEnd);
      elements = this.parse(run);
      this.pending = [];
    }
    if (this.inElement) this.pending.push(piece.slice(Math.max(elementStart, runEnd, 0)));
    this.consumed += length;
    return elements;
  }

  /** A character between elements (or before or after the array); true when it starts an element. */
  private token(c: number, at: number): boolean {
    const char = String.fromCharCode(c);
    if (this.closed) this.fail(at, `unexpected "${char}" after the end of the array`);
    if (this.depth === 0) {
      if (c !== Char.OpenBracket) this.fail(at, `expected a JSON array, found "${char}"`);
      this.depth = 1;
      return false;
    }
    if (c === Char.CloseBracket && this.expect !== Expect.Element) {
      this.closed = true;
      return false;
    }
    if (c === Char.Comma && this.expect === Expect.CommaOrEnd) {
      this.expect = Expect.Element;
      return false;
    }
    if (this.expect === Expect.CommaOrEnd) {
      this.fail(at, `expected "," or "]" after element ${this.ended}, found "${char}"`);
    }
    if (c === Char.CloseBracket || c === Char.Comma)
      this.fail(at, `expected an element after ",", found "${char}"`);
    this.inElement = true;
    if (c === Char.OpenBrace || c === Char.OpenBracket) this.depth = 2;
    else if (c === Char.Quote) this.inString = true;
    else this.inPrimitive = true;
    return true;
  }

  private elementEnds(end: number): number {
    this.ended++;
    this.inElement = false;
    this.expect = Expect.CommaOrEnd;
    return end;
  }

  /** The complete elements of a run (separators included) in one JSON.parse. */
  private parse(run: string): unknown[] {
    let elements: unknown[];
    try {
      elements = JSON.parse(`[${run}]`) as unknown[];
    } catch (error) {
      throw new JsonArrayError(
        `the answer is not valid JSON in elements ${this.count + 1} to ${this.ended}: ${(error as Error).message}`,
      );
    }
    this.count += elements.length;
    return elements;
  }

  private fail(at: number, why: string): never {
    throw new JsonArrayError(`the answer is not a JSON array: ${why} (character ${this.consumed + at})`);
  }
}
