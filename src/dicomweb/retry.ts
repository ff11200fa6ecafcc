/** First wait before retrying an unreachable PACS; it doubles on each failure. */
export const FIRST_RETRY_DELAY_MS = 2_000;
/** Longest wait between retries, so that the app notices a recovered PACS within seconds. */
export const MAX_RETRY_DELAY_MS = 15_000;

/** The wait before retry number `attempt` (0-based): 2 s, 4 s, 8 s, then 15 s each time. */
export function retryDelayMs(attempt: number): number {
  const delay = FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempt);
  return Math.min(MAX_RETRY_DELAY_MS, delay);
}
