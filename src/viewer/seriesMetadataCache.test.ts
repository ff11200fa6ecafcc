import { describe, expect, it, vi } from 'vitest';
import { createSeriesMetadataCache } from './seriesMetadataCache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createSeriesMetadataCache', () => {
  it('shares one request between a prefetch and the viewport that asks while it is on its way', async () => {
    const answer = deferred<string[]>();
    const fetchSeries = vi.fn(() => answer.promise);
    const cache = createSeriesMetadataCache(fetchSeries, 4);
    cache.prefetch('a');
    const asked = cache.get('a');
    answer.resolve(['instance']);
    await expect(asked).resolves.toEqual(['instance']);
    await expect(cache.get('a')).resolves.toEqual(['instance']);
    expect(fetchSeries).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed request, so that asking again asks the PACS again', async () => {
    const fetchSeries = vi
      .fn<(key: string) => Promise<string[]>>()
      .mockRejectedValueOnce(new Error('unreachable'))
      .mockResolvedValueOnce(['instance']);
    const cache = createSeriesMetadataCache(fetchSeries, 4);
    await expect(cache.get('a')).rejects.toThrow('unreachable');
    await expect(cache.get('a')).resolves.toEqual(['instance']);
    expect(fetchSeries).toHaveBeenCalledTimes(2);
  });

  it('stops one caller waiting when its signal aborts, and keeps the request for the others', async () => {
    const answer = deferred<string[]>();
    const cache = createSeriesMetadataCache(() => answer.promise, 4);
    const controller = new AbortController();
    const leaving = cache.get('a', controller.signal);
    const staying = cache.get('a');
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    answer.resolve(['instance']);
    await expect(staying).resolves.toEqual(['instance']);
  });

  it('keeps the most recently used series up to its capacity', async () => {
    const fetchSeries = vi.fn((key: string) => Promise.resolve([key]));
    const cache = createSeriesMetadataCache(fetchSeries, 2);
    await cache.get('a');
    await cache.get('b');
    await cache.get('a');
    await cache.get('c');
    await cache.get('a');
    expect(fetchSeries.mock.calls.map(([key]) => key)).toEqual(['a', 'b', 'c']);
    await cache.get('b');
    expect(fetchSeries.mock.calls.map(([key]) => key)).toEqual(['a', 'b', 'c', 'b']);
  });
});
