import { api } from 'dicomweb-client';
import {
  DicomRecordError,
  toInstanceMetadata,
  toSeriesSummary,
  toStudySummary,
  type DicomJsonDataset,
  type InstanceMetadata,
  type SeriesSummary,
  type StudySummary,
} from '../dicom';
import { PacsError, pacsErrorFromResponse, toPacsError } from './errors';
import { SERIES_FIELDS, repeatedParameter, studyQueryParams, type StudySearch } from './studyQuery';

export interface DicomWebClientOptions {
  /** QIDO-RS root, absolute or relative to the page ("/dicom-web"). */
  qidoRoot: string;
  /** WADO-RS root */
  wadoRoot: string;
  /** STOW-RS root; defaults to the QIDO-RS root. */
  stowRoot?: string | null;
  /** How long to wait for an answer before counting the PACS as unreachable. */
  requestTimeoutMs?: number;
  /** What relative roots are resolved against; the page's address in the browser. */
  baseUrl?: string;
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
  request: XhrRequest;
}) => Promise<unknown>;
type MetadataCall = (options: {
  studyInstanceUID: string;
  seriesInstanceUID: string;
  request: XhrRequest;
}) => Promise<unknown>;

const DEFAULT_TIMEOUT_MS = 60_000;

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
  private readonly timeoutMs: number;
  private readonly client: api.DICOMwebClient;

  constructor(options: DicomWebClientOptions) {
    const baseUrl = options.baseUrl ?? globalThis.location?.href ?? 'http://localhost/';
    this.qidoRoot = absoluteRoot(options.qidoRoot, baseUrl);
    this.wadoRoot = absoluteRoot(options.wadoRoot, baseUrl);
    this.stowRoot = absoluteRoot(options.stowRoot ?? options.qidoRoot, baseUrl);
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    // verbose: false — failures are reported as PacsError values, not as console noise.
    this.client = new api.DICOMwebClient({ url: this.qidoRoot, singlepart: false, verbose: false });
    this.client.wadoURL = this.wadoRoot;
    this.client.stowURL = this.stowRoot;
  }

  /** QIDO-RS study search. */
  async searchStudies(search: StudySearch, options: RequestOptions = {}): Promise<StudySummary[]> {
    const request = `GET ${pathOf(this.qidoRoot)}/studies`;
    const body = await this.send(request, options, (xhr) =>
      (this.client.searchForStudies as unknown as SearchCall)({
        queryParams: studyQueryParams(search),
        request: xhr,
      }),
    );
    return readAll(body, request, toStudySummary);
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
