/**
 * Series metadata fetched once in a page's life and shared by whoever asks: the viewer asks for the
 * first series' metadata as soon as the series search has answered, and the viewport that shows it
 * later gets the same request, whether it is still on its way or done. Coming back to a series costs
 * no request. A failed fetch is forgotten, so that asking again tries again.
 */
export interface SeriesMetadataCache<T> {
  /** The metadata of `key`; `signal` stops this caller waiting, not the request others share. */
  get(key: string, signal?: AbortSignal): Promise<T>;
  /** Starts fetching `key` if nothing has; for a series about to be shown. */
  prefetch(key: string): void;
}

export function createSeriesMetadataCache<T>(
  fetchSeries: (key: string) => Promise<T>,
  capacity: number,
): SeriesMetadataCache<T> {
  const entries = new Map<string, Promise<T>>();

  const start = (key: string): Promise<T> => {
    const known = entries.get(key);
    if (known) {
      // Most recently used last: the oldest is the first to go.
      entries.delete(key);
      entries.set(key, known);
      return known;
    }
    const fetched = fetchSeries(key);
    entries.set(key, fetched);
    fetched.catch(() => {
      if (entries.get(key) === fetched) entries.delete(key);
    });
    while (entries.size > capacity) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return fetched;
  };

  return {
    get(key, signal) {
      if (signal?.aborted) return Promise.reject(abortError());
      const shared = start(key);
      if (!signal) return shared;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        shared.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
    prefetch(key) {
      void start(key).catch(() => undefined);
    },
  };
}

function abortError(): DOMException {
  return new DOMException('The request was cancelled', 'AbortError');
}
