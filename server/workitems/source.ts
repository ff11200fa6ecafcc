import type { MwlItem } from './fromMwl';

/** Where scheduled procedures come from: a modality worklist answering C-FIND. */
export interface WorklistSource {
  /** Runs one MWL C-FIND; `query` names attributes by keyword, with matching values or '' to return them. */
  find(query: MwlItem): Promise<MwlItem[]>;
}

export class WorklistUnavailableError extends Error {
  constructor(
    message: string,
    readonly detail: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

/**
 * An MWL C-FIND run by Orthanc on the gateway's behalf (`POST /modalities/{id}/find-worklist`), where
 * `{id}` is the worklist SCP configured in Orthanc (the embedded Orthanc queries its own worklist).
 */
export class OrthancWorklistSource implements WorklistSource {
  constructor(
    private readonly orthancUrl: string,
    private readonly modality: string,
    private readonly authorization: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  async find(query: MwlItem): Promise<MwlItem[]> {
    const url = `${this.orthancUrl.replace(/\/+$/, '')}/modalities/${encodeURIComponent(this.modality)}/find-worklist`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.authorization ? { authorization: this.authorization } : {}),
        },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new WorklistUnavailableError(
        timedOut
          ? `The worklist did not answer within ${this.timeoutMs / 1000} s`
          : 'The worklist is unreachable',
        `${url}: ${cause}`,
        timedOut,
      );
    }
    if (!response.ok) {
      const body = await response.text();
      throw new WorklistUnavailableError(
        'The worklist query failed',
        `${url}: HTTP ${response.status} ${body.slice(0, 500)}`,
        false,
      );
    }
    return (await response.json()) as MwlItem[];
  }
}
