interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers waiting with a signal of their own; when the last of them gives up, the load is cancelled. */
  waiting: number;
  settled: boolean;
}

function abortError(): DOMException {
  return new DOMException('The request was cancelled', 'AbortError');
}

/**
 * Loads by key, shared by everyone who asks for the same key while one is under way, and kept once
 * done (the `capacity` most recently asked): the series browser's preview of a report and the report
 * itself then read the document from the PACS once. A failed load is forgotten, so that asking again
 * tries again; a load that every caller gave up on is cancelled.
 */
export class SharedLoads<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly capacity: number) {}

  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently asked last, so that trimming drops the longest unused.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = this.start(key, load);
    }
    if (entry.settled || !signal) return entry.promise;
    return this.wait(key, entry, signal);
  }

  /** Whether a load for `key` is kept or under way. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  private start(key: string, load: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const controller = new AbortController();
    const entry: Entry<T> = {
      promise: Promise.resolve() as Promise<T>,
      controller,
      waiting: 0,
      settled: false,
    };
    entry.promise = load(controller.signal).then(
      (value) => {
        entry.settled = true;
        this.trim();
        return value;
      },
      (error: unknown) => {
        this.forget(key, entry);
        throw error;
      },
    );
    // Whoever waits handles the failure; a load nobody waits for any more must not report it as unhandled.
    entry.promise.catch(() => undefined);
    this.entries.set(key, entry);
    return entry;
  }

  private wait(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    entry.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        entry.waiting -= 1;
      };
      const onAbort = () => {
        leave();
        if (entry.waiting === 0 && !entry.settled) {
          entry.controller.abort();
          this.forget(key, entry);
        }
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          if (signal.aborted) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (signal.aborted) return;
          leave();
          reject(error);
        },
      );
    });
  }

  private forget(key: string, entry: Entry<T>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  private trim(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.capacity) return;
      if (entry.settled) this.entries.delete(key);
    }
  }
}
