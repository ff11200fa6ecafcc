/**
 * The demo's orders and the day's arrivals are stored for one calendar day, the day the run starts,
 * and the tests and the browser each read "today" from the clock. A run that passed midnight would
 * open the worklist of a day with nothing stored and fail for no fault of Fovea's. The end-to-end run
 * takes about twelve minutes on a two-core machine; one that would start closer to midnight than
 * this margin waits for the new day instead.
 */
export const ONE_DAY_MARGIN_MS = 20 * 60_000;

/** A little past midnight, so that every clock the run reads has turned over. */
const PAST_MIDNIGHT_MS = 5_000;

/** How long to wait before storing the demo so that the run stays within one local day; 0: none. */
export function waitForOneDayMs(now: Date, marginMs = ONE_DAY_MARGIN_MS): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const left = midnight.getTime() - now.getTime();
  return left < marginMs ? left + PAST_MIDNIGHT_MS : 0;
}
