/** The answer is not the JSON array it should be; the message says where and why. */
export class JsonArrayError extends Error {
  override name = 'JsonArrayError';
}

/** JSON's own whitespace (RFC 8259 §2): no other space character may stand between tokens. */
const NOT_WHITESPACE = /[^ \t\n\r]/g;
/** Inside an element, outside its strings, only these characters change what comes next. */
const STRUCTURE = /["{}[\]]/g;
/** Where a number, true, false or null standing alone in the array ends. */
const PRIMITIVE_END = /[ \t\n\r,\]]/g;

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
 * Only the boundaries of the elements are found here, with native searches (strings are skipped with
 * indexOf, not character by character); each run of complete elements is then given to JSON.parse,
 * which checks them. The separators between elements are checked here, so any input that is not one
 * JSON array fails with a JsonArrayError, by `end()` at the latest.
 */
export class JsonArrayReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Text not yet handed over: it starts at an element's first character, or between elements. */
  private text = '';
  /** Where scanning resumes in `text`. */
  private at = 0;
  /** Where the element being read starts in `text`, or -1 between elements. */
  private elementStart = -1;
  /** Where the run of complete elements not yet parsed starts and ends in `text` (-1: none). */
  private runStart = -1;
  private runEnd = -1;
  /** 0: before "["; 1: between elements; more: inside an element's objects and arrays. */
  private depth = 0;
  private inString = false;
  /** The element being read is a number, true, false or null. */
  private inPrimitive = false;
  private expect = Expect.FirstElement;
  private closed = false;
  /** Characters handed over so far, for the position in error messages. */
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
    if (this.inPrimitive) {
      // A number at the very end has nothing after it to end it.
      this.fail(this.text.length, 'the answer ends inside the array');
    }
    if (!this.closed) {
      this.fail(
        this.text.length,
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
      throw new JsonArrayError(`the answer is not UTF-8 text (after element ${this.count})`);
    }
  }

  private read(chunk: string): unknown[] {
    this.text += chunk;
    this.scan();
    const elements = this.parseRun();
    this.keepUnread();
    return elements;
  }

  private scan(): void {
    const text = this.text;
    while (this.at < text.length) {
      if (this.inString) {
        if (!this.skipString()) return;
      } else if (this.depth >= 2) {
        STRUCTURE.lastIndex = this.at;
        const found = STRUCTURE.exec(text);
        if (!found) {
          this.at = text.length;
          return;
        }
        this.at = found.index + 1;
        const c = found[0];
        if (c === '"') this.inString = true;
        else if (c === '{' || c === '[') this.depth++;
        else if (--this.depth === 1) this.elementEnds(this.at);
      } else if (this.inPrimitive) {
        PRIMITIVE_END.lastIndex = this.at;
        const found = PRIMITIVE_END.exec(text);
        if (!found) {
          this.at = text.length;
          return;
        }
        this.inPrimitive = false;
        this.at = found.index;
        this.elementEnds(this.at);
      } else {
        NOT_WHITESPACE.lastIndex = this.at;
        const found = NOT_WHITESPACE.exec(text);
        if (!found) {
          this.at = text.length;
          return;
        }
        this.at = found.index;
        this.token(found[0]);
      }
    }
  }

  /** A character between elements (or before or after the array). */
  private token(c: string): void {
    const at = this.at;
    if (this.closed) this.fail(at, `unexpected "${c}" after the end of the array`);
    if (this.depth === 0) {
      if (c !== '[') this.fail(at, `expected a JSON array, found "${c}"`);
      this.depth = 1;
      this.at++;
      return;
    }
    if (c === ']' && this.expect !== Expect.Element) {
      this.closed = true;
      this.at++;
      return;
    }
    if (c === ',' && this.expect === Expect.CommaOrEnd) {
      this.expect = Expect.Element;
      this.at++;
      return;
    }
    if (this.expect === Expect.CommaOrEnd)
      this.fail(at, `expected "," or "]" after element ${this.ended}, found "${c}"`);
    if (c === ']' || c === ',') this.fail(at, `expected an element after ",", found "${c}"`);
    this.elementStart = at;
    this.at++;
    if (c === '{' || c === '[') this.depth = 2;
    else if (c === '"') this.inString = true;
    else this.inPrimitive = true;
  }

  /** Moves past the closing quote of the string being read; false when it has not arrived yet. */
  private skipString(): boolean {
    const text = this.text;
    let quote = text.indexOf('"', this.at);
    for (;;) {
      if (quote < 0) {
        // A backslash at the very end may escape a quote still to come: look at it again.
        this.at = text.length;
        return false;
      }
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
      quote = text.indexOf('"', quote + 1);
    }
    this.inString = false;
    this.at = quote + 1;
    // A string standing alone in the array ends the element with its quote.
    if (this.depth === 1) this.elementEnds(this.at);
    return true;
  }

  private elementEnds(end: number): void {
    if (this.runStart < 0) this.runStart = this.elementStart;
    this.runEnd = end;
    this.ended++;
    this.elementStart = -1;
    this.expect = Expect.CommaOrEnd;
  }

  /** Parses the complete elements read by this write in one JSON.parse (separators included). */
  private parseRun(): unknown[] {
    if (this.runStart < 0) return [];
    const run = this.text.slice(this.runStart, this.runEnd);
    let elements: unknown[];
    try {
      elements = JSON.parse(`[${run}]`) as unknown[];
    } catch (error) {
      throw new JsonArrayError(
        `the answer is not valid JSON in elements ${this.count + 1} to ${this.ended} (from character ${this.consumed + this.runStart}): ${(error as Error).message}`,
      );
    }
    this.count += elements.length;
    this.runStart = this.runEnd = -1;
    return elements;
  }

  /** Drops the text already handed over, keeping the element being read. */
  private keepUnread(): void {
    const keepFrom = this.elementStart >= 0 ? this.elementStart : this.at;
    if (keepFrom === 0) return;
    this.consumed += keepFrom;
    this.text = this.text.slice(keepFrom);
    this.at -= keepFrom;
    if (this.elementStart >= 0) this.elementStart = 0;
  }

  private fail(at: number, why: string): never {
    throw new JsonArrayError(`the answer is not a JSON array: ${why} (character ${this.consumed + at})`);
  }
}
