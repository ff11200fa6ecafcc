import { useEffect, useEffectEvent, useState } from 'react';
import { isAbortError, retryDelayMs, toPacsError, type PacsError } from '../dicomweb';

export interface PacsQuery<T> {
  /** The last good answer: for this key, or — while a new key loads or the PACS is away — an earlier one. */
  data: T | undefined;
  /** True when `data` answers the current key. */
  isCurrent: boolean;
  /** A request for the current key is on its way and nothing has settled it yet. */
  loading: boolean;
  /** The last failure for the current key; cleared by the next success. */
  error: PacsError | undefined;
  /** The PACS is unreachable and the query retries by itself (2 s, 4 s, … 15 s apart). */
  waitingForPacs: boolean;
  /** Asks again at once (after a failure that is not retried by itself). */
  retry: () => void;
}

interface Settled<T> {
  dataKey?: string;
  data?: T;
  errorKey?: string;
  error?: PacsError;
  /** The manual-retry round that settled it, so that "Try again" shows as loading. */
  round: number;
}

/**
 * Runs one PACS request per key, cancels it when the key changes, and keeps retrying with back-off
 * while the PACS is unreachable. Other failures wait for `retry()`. A null key asks nothing.
 */
export function usePacsQuery<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<T>,
): PacsQuery<T> {
  const [settled, setSettled] = useState<Settled<T>>({ round: 0 });
  const [round, setRound] = useState(0);
  const fetchLatest = useEffectEvent(fetcher);

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (n: number) => {
      try {
        const data = await fetchLatest(controller.signal);
        if (!controller.signal.aborted) setSettled({ dataKey: key, data, round });
      } catch (failure) {
        if (controller.signal.aborted || isAbortError(failure)) return;
        const error = toPacsError(failure);
        setSettled((previous) => ({ ...previous, errorKey: key, error, round }));
        if (error.isUnreachable) timer = setTimeout(() => void attempt(n + 1), retryDelayMs(n));
      }
    };
    void attempt(0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, round]);

  const isCurrent = key !== null && settled.dataKey === key;
  const error = key !== null && settled.errorKey === key ? settled.error : undefined;
  const settledNow = settled.round === round && (isCurrent || error !== undefined);
  return {
    data: settled.data,
    isCurrent,
    loading: key !== null && !settledNow,
    error,
    waitingForPacs: error?.isUnreachable ?? false,
    retry: () => setRound((r) => r + 1),
  };
}
