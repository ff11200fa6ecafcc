import { describe, expect, it } from 'vitest';
import { SharedLoads } from './sharedLoads';

/** A load that finishes when the test says so, counting how often it was started. */
function controlledLoad<T>() {
  const calls: Array<{ signal: AbortSignal; resolve: (value: T) => void; reject: (error: unknown) => void }> =
    [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { load, calls };
}

describe('SharedLoads', () => {
  it('loads once for everyone who asks while it is under way, and keeps the result', async () => {
    const loads = new SharedLoads<string>(4);
    const { load, calls } = controlledLoad<string>();
    const first = loads.get('a', load, new AbortController().signal);
    const second = loads.get('a', load);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('pdf');
    await expect(first).resolves.toBe('pdf');
    await expect(second).resolves.toBe('pdf');
    await expect(loads.get('a', load)).resolves.toBe('pdf');
    expect(calls).toHaveLength(1);
  });

  it('forgets a failure, so that asking again loads again', async () => {
    const loads = new SharedLoads<string>(4);
    const { load, calls } = controlledLoad<string>();
    const failed = loads.get('a', load);
    calls[0]!.reject(new Error('PACS unreachable'));
    await expect(failed).rejects.toThrow('PACS unreachable');
    expect(loads.has('a')).toBe(false);
    const again = loads.get('a', load);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('pdf');
    await expect(again).resolves.toBe('pdf');
  });

  it('keeps loading for those still waiting when one caller gives up', async () => {
    const loads = new SharedLoads<string>(4);
    const { load, calls } = controlledLoad<string>();
    const leaving = new AbortController();
    const gaveUp = loads.get('a', load, leaving.signal);
    const staying = loads.get('a', load, new AbortController().signal);
    leaving.abort();
    await expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(false);
    calls[0]!.resolve('pdf');
    await expect(staying).resolves.toBe('pdf');
  });

  it('cancels the load when every caller gave up, and starts afresh when asked again', async () => {
    const loads = new SharedLoads<string>(4);
    const { load, calls } = controlledLoad<string>();
    const only = new AbortController();
    const gaveUp = loads.get('a', load, only.signal);
    only.abort();
    await expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(loads.has('a')).toBe(false);
    void loads.get('a', load);
    expect(calls).toHaveLength(2);
  });

  it('refuses at once when asked with a signal already aborted', async () => {
    const loads = new SharedLoads<string>(4);
    const { load, calls } = controlledLoad<string>();
    const controller = new AbortController();
    controller.abort();
    await expect(loads.get('a', load, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(0);
  });

  it('keeps only the most recently asked results', async () => {
    const loads = new SharedLoads<string>(2);
    const done = (value: string) => () => Promise.resolve(value);
    await loads.get('a', done('a'));
    await loads.get('b', done('b'));
    await loads.get('a', done('a'));
    await loads.get('c', done('c'));
    expect(loads.has('a')).toBe(true);
    expect(loads.has('b')).toBe(false);
    expect(loads.has('c')).toBe(true);
  });
});
