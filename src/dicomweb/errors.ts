/**
 * Why a request to the PACS failed, as a value: a message for the person at the screen and a technical
 * detail for whoever looks after the PACS. "Unreachable" is kept apart from every other failure because
 * the app answers it differently: it says so and retries by itself.
 */
export type PacsErrorKind =
  /** No answer: network error, timeout, or the gateway's 502/503/504. */
  | 'unreachable'
  /** 401 or 403 */
  | 'not-allowed'
  /** 404 */
  | 'not-found'
  /** 400 and other 4xx: the PACS did not accept the request. */
  | 'rejected'
  /** 500 and other 5xx except 502–504 */
  | 'pacs-error'
  /** 2xx with a body that is not what DICOMweb promises. */
  | 'invalid-response';

const MESSAGES: Record<PacsErrorKind, string> = {
  unreachable: 'PACS unreachable',
  'not-allowed': 'Not allowed to read from the PACS',
  'not-found': 'Not found in the PACS',
  rejected: 'The PACS did not accept the request',
  'pacs-error': 'The PACS reported an error',
  'invalid-response': 'The PACS sent an answer Fovea cannot read',
};

export class PacsError extends Error {
  override name = 'PacsError';

  constructor(
    readonly kind: PacsErrorKind,
    /** Technical detail: the request, the status, the server's own words. */
    readonly detail: string,
    readonly status?: number,
  ) {
    super(MESSAGES[kind]);
  }

  /** What to show a user: a short sentence without codes. */
  get userMessage(): string {
    return this.message;
  }

  get isUnreachable(): boolean {
    return this.kind === 'unreachable';
  }
}

export function kindOfStatus(status: number): PacsErrorKind {
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'unreachable';
  if (status === 401 || status === 403) return 'not-allowed';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'rejected';
  if (status >= 500) return 'pacs-error';
  return 'invalid-response';
}

/** The gateway's error body ({ error: { message, detail } }) or any other JSON or text, as one line. */
export function describeErrorBody(body: unknown): string | undefined {
  if (body === null || body === undefined || body === '') return undefined;
  if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
  if (typeof body === 'object') {
    const error = (body as { error?: unknown }).error;
    if (error && typeof error === 'object') {
      const { message, detail } = error as { message?: unknown; detail?: unknown };
      const parts = [message, detail].filter((p): p is string => typeof p === 'string' && p.length > 0);
      if (parts.length) return parts.join(': ');
    }
    try {
      return JSON.stringify(body).slice(0, 500);
    } catch {
      return undefined;
    }
  }
  return String(body);
}

/** A PacsError from an HTTP answer (status 0 when no answer came). */
export function pacsErrorFromResponse(request: string, status: number, body?: unknown): PacsError {
  const said = describeErrorBody(body);
  const what = status === 0 ? 'no answer (network error or timeout)' : `HTTP ${status}`;
  return new PacsError(
    kindOfStatus(status),
    `${request}: ${what}${said ? ` — ${said}` : ''}`,
    status || undefined,
  );
}

/** Any failure as a PacsError; an aborted request is passed through unchanged. */
export function toPacsError(error: unknown, request = 'request'): PacsError {
  if (error instanceof PacsError) return error;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    return pacsErrorFromResponse(request, status, (error as { response?: unknown }).response);
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new PacsError('invalid-response', `${request}: ${text}`);
}

/** True for the rejection of a request the app itself cancelled. */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
