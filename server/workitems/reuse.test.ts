import { describe, expect, it } from 'vitest';
import { SharedAnswers } from './reuse';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SharedAnswers', () => {
  it('shares one fetch among those who ask while it runs', async () => {
    const answers = new SharedAnswers<string>(5000, () => 0);
    const pending = deferred<string>();
    let fetches = 0;
    const fetch = () => (fetches++, pending.promise);
    const [a, b] = [answers.get('20270104', fetch), answers.get('20270104', fetch)];
    pending.resolve('day');
    expect(await Promise.all([a, b])).toEqual(['day', 'day']);
    expect(fetches).toBe(1);
  });

  it('keys are separate', async () => {
    const answers = new SharedAnswers<string>(5000, () => 0);
    expect(await answers.get('a', async () => 'A')).toBe('A');
    expect(await answers.get('b', async () => 'B')).toBe('B');
  });

  it('reuses an answer for its time, then asks again', async () => {
    let now = 0;
    const answers = new SharedAnswers<number>(5000, () => now);
    let fetches = 0;
    const fetch = async () => ++fetches;
    expect(await answers.get('k', fetch)).toBe(1);
    now = 4999;
    expect(await answers.get('k', fetch)).toBe(1);
    expect([...answers.fresh()]).toHaveLength(1);
    now = 5000;
    expect([...answers.fresh()]).toHaveLength(0);
    expect(await answers.get('k', fetch)).toBe(2);
  });

  it('shares a failure with those waiting but does not keep it', async () => {
    const answers = new SharedAnswers<string>(5000, () => 0);
    const pending = deferred<string>();
    const first = answers.get('k', () => pending.promise);
    const second = answers.get('k', () => Promise.resolve('unused'));
    pending.reject(new Error('worklist down'));
    await expect(first).rejects.toThrow('worklist down');
    await expect(second).rejects.toThrow('worklist down');
    expect(await answers.get('k', async () => 'back')).toBe('back');
  });
});
