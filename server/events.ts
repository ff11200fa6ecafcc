import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { sendError } from './errors';
import {
  RecentEvents,
  sseFrame,
  studyArrivedEvent,
  touchedResources,
  type OrthancChangesPage,
  type OrthancSeries,
  type OrthancStudy,
  type StudyArrivedEvent,
} from './studyEvents';

export interface ChangeFeedOptions {
  /** REST root of the Orthanc whose `/changes` feed is read. */
  orthancUrl: string;
  authorization: string | undefined;
  /** Pause between two polls once the feed is caught up. */
  pollIntervalMs?: number;
  /** Comment lines sent this often so that proxies keep an idle stream open. */
  heartbeatMs?: number;
  timeoutMs?: number;
}

/** Whether the PACS has a change feed Fovea can follow. */
export type FeedAvailability =
  { kind: 'available' } | { kind: 'unsupported'; detail: string } | { kind: 'unreachable'; detail: string };

class FeedRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

/** How long a "this PACS has no change feed" answer is trusted before asking again. */
const UNSUPPORTED_RECHECK_MS = 60_000;
/** Parallel look-ups of an instance's study while a large study is being stored. */
const LOOKUP_CONCURRENCY = 4;

async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * One poller of Orthanc's `/changes` shared by every connected client: it runs only while someone
 * listens, resumes from the last change it read, and turns instance / series / study changes into one
 * event per study touched.
 */
export class ChangeFeed {
  private readonly clients = new Set<ServerResponse>();
  private readonly recent = new RecentEvents();
  private readonly orthancUrl: string;
  private readonly pollIntervalMs: number;
  private readonly heartbeatMs: number;
  private readonly timeoutMs: number;
  private lastSeq: number | undefined;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private live = true;
  private unsupported: { detail: string; at: number } | undefined;
  /** Series → study, so that the instances of a series being stored cost one look-up each, not three. */
  private readonly studyOfSeries = new Map<string, string>();

  constructor(
    private readonly options: ChangeFeedOptions,
    private readonly log: FastifyInstance['log'],
  ) {
    this.orthancUrl = options.orthancUrl.replace(/\/+$/, '');
    this.pollIntervalMs = options.pollIntervalMs ?? 300;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  private async get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.orthancUrl}${path}`, {
        headers: {
          accept: 'application/json',
          ...(this.options.authorization ? { authorization: this.options.authorization } : {}),
        },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new FeedRequestError(`${this.orthancUrl}${path}: ${cause}`, undefined);
    }
    if (!response.ok) {
      await response.arrayBuffer();
      throw new FeedRequestError(`${this.orthancUrl}${path}: HTTP ${response.status}`, response.status);
    }
    return (await response.json()) as T;
  }

  /**
   * Asks the PACS for its newest change. A PACS that is not Orthanc answers 404 or something that is
   * not a change list: then the app falls back to polling.
   */
  async availability(): Promise<FeedAvailability> {
    if (this.running && this.lastSeq !== undefined) return { kind: 'available' };
    if (this.unsupported && Date.now() - this.unsupported.at < UNSUPPORTED_RECHECK_MS) {
      return { kind: 'unsupported', detail: this.unsupported.detail };
    }
    try {
      const page = await this.get<Partial<OrthancChangesPage>>('/changes?last');
      if (typeof page?.Last !== 'number' || !Array.isArray(page.Changes)) {
        throw new FeedRequestError(`${this.orthancUrl}/changes?last: not an Orthanc change list`, 200);
      }
      this.lastSeq ??= page.Last;
      this.unsupported = undefined;
      return { kind: 'available' };
    } catch (error) {
      const { status, message } = error as FeedRequestError;
      if (status === undefined || status >= 500) return { kind: 'unreachable', detail: message };
      this.unsupported = { detail: message, at: Date.now() };
      return { kind: 'unsupported', detail: message };
    }
  }

  /** Adds a client: sends what it missed (Last-Event-ID), then every new event until it leaves. */
  subscribe(response: ServerResponse, lastEventId: string | undefined): void {
    this.clients.add(response);
    for (const event of this.recent.after(lastEventId)) {
      response.write(sseFrame('study', event, event.seq));
    }
    if (!this.live) response.write(sseFrame('feed', { live: false }));
    response.once('close', () => {
      this.clients.delete(response);
      if (this.clients.size === 0) this.stop();
    });
    this.start();
  }

  private broadcast(frame: string): void {
    for (const client of this.clients) client.write(frame);
  }

  private setLive(live: boolean, detail?: string): void {
    if (live === this.live) return;
    this.live = live;
    if (!live) this.log.warn(`PACS change feed interrupted: ${detail}`);
    this.broadcast(sseFrame('feed', live ? { live } : { live, detail }));
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), this.heartbeatMs);
    this.schedule(0);
  }

  /** Stops polling when the last client leaves; the next client resumes from the last change read. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    this.timer = undefined;
    this.heartbeat = undefined;
  }

  /** Ends every stream (the gateway is closing). */
  close(): void {
    this.stop();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    let delay = this.pollIntervalMs;
    try {
      if (this.lastSeq === undefined) {
        this.lastSeq = (await this.get<OrthancChangesPage>('/changes?last')).Last;
      }
      const page = await this.get<OrthancChangesPage>(`/changes?since=${this.lastSeq}&limit=100`);
      if (page.Changes.length > 0) {
        const events = await this.eventsFor(page);
        for (const event of events) {
          this.recent.add(event);
          this.broadcast(sseFrame('study', event, event.seq));
        }
      }
      this.lastSeq = page.Last;
      this.setLive(true);
      // More changes waiting: read them at once rather than after the pause.
      if (!page.Done) delay = 0;
    } catch (error) {
      this.setLive(false, (error as Error).message);
      delay = Math.max(2000, this.pollIntervalMs);
    }
    this.schedule(delay);
  }

  private async studyOf(kind: 'series' | 'instances', id: string): Promise<string | undefined> {
    try {
      if (kind === 'series') {
        const known = this.studyOfSeries.get(id);
        if (known) return known;
        const series = await this.get<{ ParentStudy?: string }>(`/series/${id}`);
        if (series.ParentStudy) this.rememberSeries(id, series.ParentStudy);
        return series.ParentStudy;
      }
      const instance = await this.get<{ ParentSeries?: string }>(`/instances/${id}`);
      return instance.ParentSeries ? this.studyOf('series', instance.ParentSeries) : undefined;
    } catch (error) {
      // Deleted since the change was recorded: nothing to announce.
      if ((error as FeedRequestError).status === 404) return undefined;
      throw error;
    }
  }

  private rememberSeries(seriesId: string, studyId: string): void {
    this.studyOfSeries.set(seriesId, studyId);
    if (this.studyOfSeries.size > 5000) {
      const oldest = this.studyOfSeries.keys().next().value;
      if (oldest !== undefined) this.studyOfSeries.delete(oldest);
    }
  }

  private async eventsFor(page: OrthancChangesPage): Promise<StudyArrivedEvent[]> {
    const touched = touchedResources(page.Changes);
    const studies = new Set(touched.studies);
    const parents = await mapLimited(
      [
        ...[...touched.series].map((id) => ['series', id] as const),
        ...[...touched.instances].map((id) => ['instances', id] as const),
      ],
      LOOKUP_CONCURRENCY,
      ([kind, id]) => this.studyOf(kind, id),
    );
    for (const parent of parents) if (parent) studies.add(parent);
    const seq = page.Last;
    const events = await mapLimited([...studies], LOOKUP_CONCURRENCY, async (id) => {
      try {
        const [study, series] = await Promise.all([
          this.get<OrthancStudy>(`/studies/${id}`),
          this.get<OrthancSeries[]>(`/studies/${id}/series`),
        ]);
        return studyArrivedEvent(study, series, seq, touched.stable.has(id));
      } catch (error) {
        if ((error as FeedRequestError).status === 404) return undefined;
        throw error;
      }
    });
    return events.filter((event) => event !== undefined);
  }
}

/**
 * `GET /api/events`: server-sent events of studies arriving in the PACS (`event: study`), and of the
 * feed itself pausing or resuming (`event: feed`). A PACS without a change feed gets a 501 with a JSON
 * reason, so that the app polls instead; an unreachable one a 503.
 */
export function registerEvents(app: FastifyInstance, options: ChangeFeedOptions | undefined): void {
  const feed = options ? new ChangeFeed(options, app.log) : undefined;
  // preClose: open streams would otherwise keep the server from closing.
  if (feed) app.addHook('preClose', async () => feed.close());

  app.get('/api/events', async (request, reply) => {
    if (!feed) {
      return sendError(
        reply,
        501,
        'Live updates are not available from this PACS',
        'The gateway has no change feed configured for this PACS; the app checks for new results by polling.',
      );
    }
    const availability = await feed.availability();
    if (availability.kind === 'unsupported') {
      return sendError(
        reply,
        501,
        'Live updates are not available from this PACS',
        `The PACS has no Orthanc change feed (${availability.detail}); the app checks for new results by polling.`,
      );
    }
    if (availability.kind === 'unreachable') {
      return sendError(reply, 503, 'PACS unreachable', availability.detail);
    }
    const lastEventId =
      (request.headers['last-event-id'] as string | undefined) ??
      (request.query as { lastEventId?: string }).lastEventId;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold the events back in their buffers.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    reply.raw.write('retry: 2000\n\n');
    reply.raw.write(sseFrame('ready', { live: true }));
    feed.subscribe(reply.raw, lastEventId);
  });
}
