import { api } from 'dicomweb-client';
import {
  DicomRecordError,
  getString,
  personNameMatches,
  toInstanceMetadata,
  toSeriesSummary,
  toScheduledProcedure,
  toStudySummary,
  WORKITEM_FIELDS,
  type DicomJsonDataset,
  type ScheduledProcedure,
  type InstanceMetadata,
  type SeriesSummary,
  type StudySummary,
} from '../dicom';
import { ACCEPT_FILES_AS_STORED } from './accept';
import { PacsError, pacsErrorFromResponse, toPacsError } from './errors';
import { JsonArrayError, JsonArrayReader } from './jsonArrayReader';
import { MultipartError, MultipartReader, multipartBoundaryOf } from './multipartReader';
import {
  SERIES_FIELDS,
  hasWildcards,
  repeatedParameter,
  studyQueryParams,
  type StudySearch,
} from './studyQuery';

export interface DicomWebClientOptions {
  /** QIDO-RS root, absolute or relative to the page ("/dicom-web"). */
  qidoRoot: string;
  /** WADO-RS root */
  wadoRoot: string;
  /** STOW-RS root; defaults to the QIDO-RS root. */
  stowRoot?: string | null;
  /** UPS-RS root (worklist); null when there is no worklist. */
  upsRoot?: string | null;
  /** How long to wait for an answer before counting the PACS as unreachable. */
  requestTimeoutMs?: number;
  /** What relative roots are resolved against; the page's address in the browser. */
  baseUrl?: string;
}

export interface StudyPage {
  studies: StudySummary[];
  /** Datasets in the archive's answer, whether kept or not. */
  received: number;
}

export interface RequestOptions {
  /** Cancels the request; the call then rejects with an AbortError, not a PacsError. */
  signal?: AbortSignal;
}

/** dicomweb-client's request options; its type declarations leave `request` out of some methods. */
interface XhrRequest {
  instance: XMLHttpRequest;
}

type SearchCall = (options: {
  queryParams?: Record<string, string>;
  studyInstanceUID?: string;
  seriesInstanceUID?: string;
  request: XhrRequest;
}) => Promise<unknown>;
type BulkDataCall = (options: { BulkDataURI: string; request: XhrRequest }) => Promise<unknown>;
type MetadataCall = (options: {
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID?: string;
  request: XhrRequest;
}) => Promise<unknown>;

const DEFAULT_TIMEOUT_MS = 60_000;

/** Part-10 files as the archive stores them: no transcoding on the archive, compressed or not. */

/** Aborts its signal when `ms` pass without a restart: a timeout for an answer that streams. */
class StallTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {
    this.restart();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.controller.abort(new DOMException('No answer in time', 'TimeoutError')),
      this.ms,
    );
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

function absoluteRoot(root: string, baseUrl: string): string {
  return new URL(root, baseUrl).href.replace(/\/+$/, '');
}

function abortError(): DOMException {
  return new DOMException('The request was cancelled', 'AbortError');
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Reads each dataset of a DICOM JSON answer; entries the archive sent without their UIDs are left out. */
function readAll<T>(body: unknown, request: string, read: (dataset: DicomJsonDataset) => T): T[] {
  if (!Array.isArray(body)) {
    throw new PacsError(
      'invalid-response',
      `${request}: expected a DICOM JSON array, got ${body === null ? 'no body' : typeof body}`,
    );
  }
  const records: T[] = [];
  for (const dataset of body) {
    try {
      records.push(read(dataset as DicomJsonDataset));
    } catch (error) {
      if (!(error instanceof DicomRecordError)) throw error;
    }
  }
  return records;
}

/**
 * The one door to the PACS (DICOMweb through the gateway). Every method returns typed records and
 * fails with a PacsError, so the screens never see HTTP.
 */
export class DicomWebClient {
  readonly qidoRoot: string;
  readonly wadoRoot: string;
  readonly stowRoot: string;
  readonly upsRoot: string | null;
  private readonly timeoutMs: number;
  private readonly client: api.DICOMwebClient;

  /** How long an answer may keep the client waiting; a copy of the client elsewhere (a worker) needs it. */
  get requestTimeoutMs(): number {
    return this.timeoutMs;
  }

  constructor(options: DicomWebClientOptions) {
    const baseUrl = options.baseUrl ?? globalThis.location?.href ?? 'http://localhost/';
    this.qidoRoot = absoluteRoot(options.qidoRoot, baseUrl);
    this.wadoRoot = absoluteRoot(options.wadoRoot, baseUrl);
    this.stowRoot = absoluteRoot(options.stowRoot ?? options.qidoRoot, baseUrl);
    this.upsRoot = options.upsRoot ? absoluteRoot(options.upsRoot, baseUrl) : null;
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    // verbose: false — failures are reported as PacsError values, not as console noise.
    this.client = new api.DICOMwebClient({ url: this.qidoRoot, singlepart: false, verbose: false });
    this.client.wadoURL = this.wadoRoot;
    this.client.stowURL = this.stowRoot;
  }

  /** QIDO-RS study search. */
  async searchStudies(search: StudySearch, options: RequestOptions = {}): Promise<StudySummary[]> {
    return (await this.searchStudyPage(search, options)).studies;
  }

  /**
   * One page of a QIDO-RS study search: the studies that meet it, and how many the archive sent
   * (more than were kept when a free-text name was narrowed here), which tells whether to ask for
   * the next page.
   */
  async searchStudyPage(search: StudySearch, options: RequestOptions = {}): Promise<StudyPage> {
    const request = `GET ${pathOf(this.qidoRoot)}/studies`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.searchForStudies as unknown as SearchCall)({
        queryParams: studyQueryParams(search),
        request: xhr,
      }),
    );
    const received = readAll(body, request, toStudySummary);
    const text = search.patientName?.trim();
    const studies =
      text && !hasWildcards(text)
        ? received.filter((study) => personNameMatches(study.patient.name, text))
        : received;
    return { studies, received: Array.isArray(body) ? body.length : 0 };
  }

  /**
   * UPS-RS Search Workitems for the procedures scheduled on a DA or DA range, sorted by scheduled
   * start, with only the attributes the worklist shows. A plain GET: dicomweb-client's workitem
   * search cannot send a date-time range.
   */
  async searchWorkitems(
    scheduledDates: string,
    options: RequestOptions & { limit?: number } = {},
  ): Promise<ScheduledProcedure[]> {
    if (!this.upsRoot) throw new PacsError('not-found', 'No UPS-RS root (dicomweb.upsRoot) is configured');
    const params = new URLSearchParams({
      ScheduledProcedureStepStartDateTime: scheduledDates,
      limit: String(options.limit ?? 5000),
    });
    for (const field of WORKITEM_FIELDS) params.append('includefield', field);
    const url = `${this.upsRoot}/workitems?${params.toString()}`;
    const procedures = await this.readDatasets(
      url,
      `GET ${pathOf(this.upsRoot)}/workitems`,
      options,
      toScheduledProcedure,
    );
    // The gateway sends them in this order already, which makes this a single pass; another origin
    // server may not. DT values are digits: comparing code units orders them as time does.
    return procedures.sort((a, b) => {
      const x = a.scheduledStart ?? '';
      const y = b.scheduledStart ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  /** One study by its UID, or undefined when the PACS does not have it. */
  async findStudy(studyInstanceUid: string, options: RequestOptions = {}): Promise<StudySummary | undefined> {
    const [study] = await this.searchStudies({ studyInstanceUid, limit: 1 }, options);
    return study;
  }

  /** QIDO-RS search of a study's series, in series-number order. */
  async searchSeries(studyInstanceUid: string, options: RequestOptions = {}): Promise<SeriesSummary[]> {
    const request = `GET ${pathOf(this.qidoRoot)}/studies/${studyInstanceUid}/series`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.searchForSeries as unknown as SearchCall)({
        studyInstanceUID: studyInstanceUid,
        queryParams: repeatedParameter('includefield', SERIES_FIELDS),
        request: xhr,
      }),
    );
    const series = readAll(body, request, (dataset) => toSeriesSummary(dataset, studyInstanceUid));
    return series.sort(
      (a, b) => (a.seriesNumber ?? Number.MAX_SAFE_INTEGER) - (b.seriesNumber ?? Number.MAX_SAFE_INTEGER),
    );
  }

  /** WADO-RS metadata of every instance in a series. */
  async retrieveSeriesMetadata(
    studyInstanceUid: string,
    seriesInstanceUid: string,
    options: RequestOptions = {},
  ): Promise<InstanceMetadata[]> {
    const request = `GET ${pathOf(this.wadoRoot)}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/metadata`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.retrieveSeriesMetadata as unknown as MetadataCall)({
        studyInstanceUID: studyInstanceUid,
        seriesInstanceUID: seriesInstanceUid,
        request: xhr,
      }),
    );
    return readAll(body, request, toInstanceMetadata);
  }

  /**
   * The SOP Instance UIDs of a series' instances with this Instance Number (QIDO-RS). Archives answer a
   * match on Instance Number from their index, without reading the series' files as its metadata
   * needs: the way to a series' likely first image while that metadata is being put together.
   */
  async searchInstancesByNumber(
    studyInstanceUid: string,
    seriesInstanceUid: string,
    instanceNumber: number,
    options: RequestOptions = {},
  ): Promise<string[]> {
    const request = `GET ${pathOf(this.qidoRoot)}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/instances`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.searchForInstances as unknown as SearchCall)({
        studyInstanceUID: studyInstanceUid,
        seriesInstanceUID: seriesInstanceUid,
        queryParams: { InstanceNumber: String(instanceNumber) },
        request: xhr,
      }),
    );
    return readAll(body, request, (dataset) => getString(dataset, 'SOPInstanceUID')).filter(
      (uid): uid is string => uid !== undefined,
    );
  }

  /** WADO-RS metadata of one instance; undefined when the answer holds no usable instance. */
  async retrieveInstanceMetadata(
    studyInstanceUid: string,
    seriesInstanceUid: string,
    sopInstanceUid: string,
    options: RequestOptions = {},
  ): Promise<InstanceMetadata | undefined> {
    const request = `GET ${pathOf(this.wadoRoot)}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/instances/${sopInstanceUid}/metadata`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.retrieveInstanceMetadata as unknown as MetadataCall)({
        studyInstanceUID: studyInstanceUid,
        seriesInstanceUID: seriesInstanceUid,
        sopInstanceUID: sopInstanceUid,
        request: xhr,
      }),
    );
    return readAll(body, request, toInstanceMetadata)[0];
  }

  /**
   * The bytes of one bulk data element (an encapsulated PDF, for one) from the BulkDataURI the metadata
   * gave; a relative URI is resolved against the WADO-RS root. Multipart answers are unpacked.
   */
  async retrieveBulkData(bulkDataUri: string, options: RequestOptions = {}): Promise<Uint8Array> {
    const url = new URL(bulkDataUri, `${this.wadoRoot}/`).href;
    const request = `GET ${pathOf(url)}`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.retrieveBulkData as unknown as BulkDataCall)({ BulkDataURI: url, request: xhr }),
    );
    const part = Array.isArray(body) ? (body[0] as unknown) : body;
    if (part instanceof ArrayBuffer) return new Uint8Array(part);
    if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    throw new PacsError('invalid-response', `${request}: expected the bulk data's bytes, got ${typeof part}`);
  }

  /** The WADO-RS address of one frame (1-based), which the image loader fetches itself. */
  frameUrl(
    studyInstanceUid: string,
    seriesInstanceUid: string,
    sopInstanceUid: string,
    frame: number,
  ): string {
    return `${this.wadoRoot}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/instances/${sopInstanceUid}/frames/${frame}`;
  }

  /**
   * One frame's WADO-RS answer as the archive sent it (a multipart message with its Content-Type), for
   * the viewer to cut the frame out the way its image loader does. Asked at high priority: it is the
   * image a user is waiting for.
   */
  async retrieveFrameMessage(
    frameUrl: string,
    accept: string,
    { signal }: RequestOptions = {},
  ): Promise<{ body: ArrayBuffer; contentType: string | null }> {
    const request = `GET ${pathOf(frameUrl)}`;
    const response = await this.fetchFromPacs(frameUrl, request, { accept, priority: 'high' }, signal);
    if (!response.ok) throw pacsErrorFromResponse(request, response.status);
    return { body: await response.arrayBuffer(), contentType: response.headers.get('content-type') };
  }

  /**
   * GET of a DICOM JSON array with fetch, each dataset read (`read`) as soon as its bytes have arrived:
   * by the last byte of a busy day's answer nearly all of it is read, where reading the whole text at
   * the end kept the page waiting for the text, its parsing and the mapping in turn. 204 (nothing
   * found) is an empty list; datasets without their UIDs are left out, as readAll does.
   */
  private async readDatasets<T>(
    url: string,
    request: string,
    { signal }: RequestOptions,
    read: (dataset: DicomJsonDataset) => T,
  ): Promise<T[]> {
    const response = await this.fetchFromPacs(url, request, { accept: 'application/dicom+json' }, signal);
    if (response.status === 204) return [];
    if (!response.ok || !response.body) {
      let body: unknown;
      try {
        const text = await response.text();
        body = text;
        body = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON, or cut off: what did arrive is kept as text for the error detail.
      }
      throw response.ok
        ? new PacsError('invalid-response', `${request}: expected a DICOM JSON array, got no body`)
        : pacsErrorFromResponse(request, response.status, body);
    }

    const records: T[] = [];
    const take = (datasets: unknown[]) => {
      for (const dataset of datasets) {
        try {
          records.push(read(dataset as DicomJsonDataset));
        } catch (error) {
          if (!(error instanceof DicomRecordError)) throw error;
        }
      }
    };
    const parser = new JsonArrayReader();
    try {
      for await (const chunk of this.chunksOf(response.body, request, signal)) take(parser.write(chunk));
      take(parser.end());
    } catch (error) {
      if (error instanceof JsonArrayError) {
        throw new PacsError('invalid-response', `${request}: ${error.message}`);
      }
      throw error;
    }
    return records;
  }

  /**
   * Every instance of a series as the archive stores it (WADO-RS retrieve, one multipart answer of
   * Part-10 files), each file handed over as soon as its last byte has arrived: one request instead of
   * one per frame. The client's timeout counts while no byte comes, not for the whole answer, which a
   * large series on a slow line may rightly take longer than. Fails with a PacsError (an AbortError
   * when `signal` aborts); files read before a failure have been handed over.
   */
  async *retrieveSeriesFiles(
    studyInstanceUid: string,
    seriesInstanceUid: string,
    { signal }: RequestOptions = {},
  ): AsyncGenerator<Uint8Array, void, undefined> {
    const url = `${this.wadoRoot}/studies/${studyInstanceUid}/series/${seriesInstanceUid}`;
    const request = `GET ${pathOf(url)}`;
    const stall = new StallTimer(this.timeoutMs);
    try {
      const response = await this.fetchFromPacs(
        url,
        request,
        { accept: ACCEPT_FILES_AS_STORED, timeout: stall.signal },
        signal,
      );
      if (!response.ok) throw pacsErrorFromResponse(request, response.status);
      const boundary = multipartBoundaryOf(response.headers.get('content-type'));
      if (!boundary || !response.body) {
        response.body?.cancel().catch(() => undefined);
        throw new PacsError(
          'invalid-response',
          `${request}: expected multipart/related Part-10 files, got ${response.headers.get('content-type') ?? 'no body'}`,
        );
      }
      const reader = new MultipartReader(boundary);
      try {
        for await (const chunk of this.chunksOf(response.body, request, signal, () => stall.restart()))
          for (const part of reader.write(chunk)) yield part.body;
        reader.end();
      } catch (error) {
        if (error instanceof MultipartError)
          throw new PacsError('invalid-response', `${request}: ${error.message}`);
        throw error;
      }
    } finally {
      stall.stop();
    }
  }

  /**
   * An answer's bytes as they arrive (`beforeRead` runs before each read: a stall timer); a connection
   * lost on the way is the client's "no answer". A reader that stops early or fails cancels the rest:
   * nothing more of the answer is wanted.
   */
  private async *chunksOf(
    body: ReadableStream<Uint8Array>,
    request: string,
    signal: AbortSignal | undefined,
    beforeRead?: () => void,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    const reader = body.getReader();
    try {
      for (;;) {
        beforeRead?.();
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw this.noAnswer(request, error, signal);
        }
        if (chunk.done) return;
        yield chunk.value;
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  /**
   * A GET with fetch, given up after the client's timeout or when `signal` aborts; no answer at all
   * (network, timeout) becomes the PacsError that says the PACS is unreachable.
   */
  private async fetchFromPacs(
    url: string,
    request: string,
    {
      accept,
      priority,
      timeout = AbortSignal.timeout(this.timeoutMs),
    }: { accept: string; priority?: RequestPriority; timeout?: AbortSignal },
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    if (signal?.aborted) throw abortError();
    try {
      return await fetch(url, {
        headers: { accept },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        priority,
      });
    } catch (error) {
      throw this.noAnswer(request, error, signal);
    }
  }

  /** What a request that got no (or no whole) answer throws: an abort stays an abort. */
  private noAnswer(request: string, error: unknown, signal: AbortSignal | undefined): Error {
    if (signal?.aborted) return abortError();
    return pacsErrorFromResponse(request, 0, error instanceof Error ? error.message : undefined);
  }

  /**
   * A series drawn by the archive as a JPEG (WADO-RS rendered), scaled to fit `size` pixels: a
   * thumbnail that needs no decoding in the browser. Asked at low priority, behind the images.
   */
  async retrieveSeriesThumbnail(
    studyInstanceUid: string,
    seriesInstanceUid: string,
    size: number,
    { signal }: RequestOptions = {},
  ): Promise<Blob> {
    const url = `${this.wadoRoot}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/rendered?viewport=${size},${size}`;
    const request = `GET ${pathOf(url)}`;
    let response: Response;
    try {
      // Orthanc answers 400 to a browser's image Accept list (image/avif, …, image/*): name one type.
      response = await fetch(url, { headers: { Accept: 'image/jpeg' }, signal, priority: 'low' });
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw toPacsError(error, request);
    }
    if (!response.ok) throw pacsErrorFromResponse(request, response.status);
    return response.blob();
  }

  private async send(
    request: string,
    { signal }: RequestOptions,
    call: (request: XhrRequest) => Promise<unknown>,
  ): Promise<unknown> {
    if (signal?.aborted) throw abortError();
    const xhr = new XMLHttpRequest();
    xhr.timeout = this.timeoutMs;
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await call({ instance: xhr });
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw toPacsError(error, request);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }
}
