/**
 * The gateway's live feed of studies arriving in the PACS (`/api/events`, server-sent events). Read
 * with fetch rather than EventSource: EventSource cannot tell "this PACS has no change feed" (501,
 * poll instead) from "the connection dropped" (reconnect), and the worklist answers the two differently.
 */

/** A study that received instances: what a worklist row needs to change its result status. */
export interface StudyArrival {
  seq: number;
  studyInstanceUid: string;
  accessionNumber?: string;
  patientId?: string;
  modalities: string[];
  numberOfInstances: number;
  /** The PACS has stopped receiving instances for it for a few seconds. */
  stable: boolean;
}

/**
 * `connecting`: first attempt on its way. `live`: events arrive as studies do. `offline`: the stream or
 * the PACS's change feed dropped; reconnecting. `unsupported`: the PACS has no change feed; poll.
 */
export type LiveState = 'connecting' | 'live' | 'offline' | 'unsupported';

export interface ServerSentEvent {
  id?: string;
  type: string;
  data: string;
}

/**
 * Splits a text/event-stream buffer into complete events and the incomplete rest (HTML Living
 * Standard §9.2.6): comment lines (heartbeats) and `retry:` are skipped, multi-line data joined.
 */
export function parseEventStream(buffer: string): { events: ServerSentEvent[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: ServerSentEvent[] = [];
  for (const block of blocks) {
    let type = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length > 0) events.push({ ...(id === undefined ? {} : { id }), type, data: data.join('\n') });
  }
  return { events, rest };
}

/** Reads a `study` event's data; undefined for anything that is not a study arrival. */
export function toStudyArrival(data: string): StudyArrival | undefined {
  try {
    const value = JSON.parse(data) as Partial<StudyArrival>;
    if (typeof value.studyInstanceUid !== 'string' || typeof value.numberOfInstances !== 'number') {
      return undefined;
    }
    return {
      seq: Number(value.seq) || 0,
      studyInstanceUid: value.studyInstanceUid,
      ...(typeof value.accessionNumber === 'string' ? { accessionNumber: value.accessionNumber } : {}),
      ...(typeof value.patientId === 'string' ? { patientId: value.patientId } : {}),
      modalities: Array.isArray(value.modalities) ? value.modalities.map(String) : [],
      numberOfInstances: value.numberOfInstances,
      stable: value.stable === true,
    };
  } catch {
    return undefined;
  }
}

/** Wait before the n-th reconnection attempt (0-based): 1 s, 2 s, 4 s, then every 8 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(8000, 1000 * 2 ** attempt);
}

export interface StudyEventHandlers {
  onStudy: (arrival: StudyArrival) => void;
  onState: (state: LiveState, detail?: string) => void;
}

/** A stream that has been silent this long (no heartbeat either) is dead even if the socket is not. */
const SILENCE_LIMIT_MS = 45_000;
/** How often to ask again whether a PACS without a change feed has gained one. */
const UNSUPPORTED_RECHECK_MS = 120_000;

/**
 * Follows `/api/events` until the returned function is called: reconnects after every drop (resuming
 * after the last event received) and reports the state of the connection as it changes.
 */
export function followStudyEvents(url: string, handlers: StudyEventHandlers): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEventId: string | undefined;
  let failures = 0;

  const retry = (delayMs: number) => {
    if (!stopped) timer = setTimeout(() => void connect(), delayMs);
  };

  const connect = async () => {
    controller = new AbortController();
    const current = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => current.abort(), SILENCE_LIMIT_MS);
    };
    try {
      watch();
      const response = await fetch(url, {
        headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        cache: 'no-store',
        signal: current.signal,
      });
      if (response.status === 501) {
        clearTimeout(silence);
        handlers.onState('unsupported', await errorText(response));
        retry(UNSUPPORTED_RECHECK_MS);
        return;
      }
      if (!response.ok || !response.body)
        throw new Error(`${url}: HTTP ${response.status} ${await errorText(response)}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        watch();
        const parsed = parseEventStream(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== undefined) lastEventId = event.id;
          if (event.type === 'ready') {
            failures = 0;
            handlers.onState('live');
          } else if (event.type === 'feed') {
            const live = (JSON.parse(event.data) as { live?: boolean }).live === true;
            handlers.onState(
              live ? 'live' : 'offline',
              live ? undefined : 'The PACS change feed is not answering',
            );
          } else if (event.type === 'study') {
            const arrival = toStudyArrival(event.data);
            if (arrival) handlers.onStudy(arrival);
          }
        }
      }
      throw new Error(`${url}: the stream ended`);
    } catch (error) {
      if (stopped) return;
      handlers.onState('offline', error instanceof Error ? error.message : String(error));
      retry(reconnectDelayMs(failures++));
    } finally {
      clearTimeout(silence);
    }
  };

  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}

async function errorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string; detail?: string } };
    return [body.error?.message, body.error?.detail].filter(Boolean).join(': ');
  } catch {
    return '';
  }
}
