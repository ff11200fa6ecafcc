/**
 * One answer per key shared by everyone who asks for it while it is being fetched, and reused for
 * `reuseMs` after it arrived. A failure is shared by those already waiting but never kept: the next
 * request asks again.
 */
export class SharedAnswers<T> {
  private readonly entries = new Map<string, { answer: Promise<T>; settledAt?: number }>();

  constructor(
    private readonly reuseMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string, fetchAnswer: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && (entry.settledAt === undefined || this.now() - entry.settledAt < this.reuseMs)) {
      return entry.answer;
    }
    this.prune();
    const fresh: { answer: Promise<T>; settledAt?: number } = { answer: fetchAnswer() };
    this.entries.set(key, fresh);
    fresh.answer.then(
      () => {
        fresh.settledAt = this.now();
      },
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return fresh.answer;
  }

  /** The answers at hand now (settled and still fresh), without asking for any. */
  *fresh(): Iterable<Promise<T>> {
    for (const entry of this.entries.values()) {
      if (entry.settledAt !== undefined && this.now() - entry.settledAt < this.reuseMs) yield entry.answer;
    }
  }

  /** Forgets stale answers, so that a gateway asked for many dates does not keep them all. */
  private prune(): void {
    for (const [key, entry] of this.entries) {
      if (entry.settledAt !== undefined && this.now() - entry.settledAt >= this.reuseMs) {
        this.entries.delete(key);
      }
    }
  }
}
