import * as dcmjsDimseModule from 'dcmjs-dimse';
import type { MwlItem } from './fromMwl';
import { WorklistUnavailableError, type WorklistSource } from './source';

// dcmjs-dimse is CommonJS: under Node's ESM its exports arrive as the default export.
const dcmjsDimse =
  (dcmjsDimseModule as unknown as { default?: typeof dcmjsDimseModule }).default ?? dcmjsDimseModule;
const { Client, Dataset, constants, requests } = dcmjsDimse;
// Its own logging would print every association; failures reach the gateway's log as errors instead.
dcmjsDimse.log.setLevel('silent');

export interface DimseWorklistOptions {
  host: string;
  port: number;
  /** AE title of the worklist SCP (the RIS or PACS). */
  calledAet: string;
  /** AE title Fovea presents; the SCP usually has to know it. */
  callingAet: string;
  timeoutMs: number;
}

/**
 * A dataset as dcmjs(-dimse) hands it over (naturalized: keywords, sequences as arrays, person names
 * as `{Alphabetic, Ideographic, Phonetic}`), in the shape Orthanc's REST answers use: every value a
 * string, person-name groups joined with "=", multiple values with "\".
 */
export function mwlItemFromNaturalized(dataset: Record<string, unknown>): MwlItem {
  const item: MwlItem = {};
  for (const [keyword, value] of Object.entries(dataset)) {
    if (keyword === '_vrMap' || value === undefined || value === null) continue;
    const text = valueText(value);
    if (text !== undefined) item[keyword] = text;
  }
  return item;
}

function valueText(value: unknown): string | MwlItem[] | undefined {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && !isPersonName(v))) {
      return value.map((v) => mwlItemFromNaturalized(v as Record<string, unknown>));
    }
    const parts = value.map((v) => valueText(v)).filter((v): v is string => typeof v === 'string');
    return parts.join('\\');
  }
  if (isPersonName(value)) {
    const { Alphabetic = '', Ideographic = '', Phonetic = '' } = value;
    return [Alphabetic, Ideographic, Phonetic].join('=').replace(/=+$/, '');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function isPersonName(
  value: unknown,
): value is { Alphabetic?: string; Ideographic?: string; Phonetic?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'Alphabetic' || k === 'Ideographic' || k === 'Phonetic');
}

/** The C-FIND identifier for a query in Orthanc's shape: "" asks for a value, sequences stay sequences. */
export function naturalizedQuery(query: MwlItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(query)) {
    if (value === undefined) continue;
    out[keyword] = Array.isArray(value) ? value.map(naturalizedQuery) : value;
  }
  // Ask in UTF-8 so that the SCP may answer names in any script.
  out.SpecificCharacterSet = 'ISO_IR 192';
  return out;
}

/**
 * An MWL C-FIND straight to a worklist SCP (a RIS, dcmtk's wlmscpfs, Orthanc's worklist plugin) over
 * DICOM, so that a clinic whose worklist is not behind an Orthanc can still feed the worklist page.
 */
export class DimseWorklistSource implements WorklistSource {
  constructor(private readonly options: DimseWorklistOptions) {}

  private where(): string {
    const { host, port, calledAet, callingAet } = this.options;
    return `${callingAet} → ${calledAet}@${host}:${port}`;
  }

  find(query: MwlItem): Promise<MwlItem[]> {
    const { host, port, calledAet, callingAet, timeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      const client = new Client();
      // Built by hand rather than with createWorklistFindRequest, which adds two dozen keys of its own
      // (empty sequences among them) that some worklists, Orthanc's included, then fail to match.
      const request = new requests.CFindRequest();
      request.setAffectedSopClassUid(constants.SopClass.ModalityWorklistInformationModelFind);
      request.setDataset(new Dataset(naturalizedQuery(query)));
      const answers: MwlItem[] = [];
      let settled = false;
      const finish = (error: WorklistUnavailableError | undefined) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(answers);
      };
      const fail = (message: string, detail: string, timedOut = false) =>
        finish(new WorklistUnavailableError(message, `${this.where()}: ${detail}`, timedOut));

      // One limit for the whole query: connecting, association, and every answer.
      let associated = false;
      const timer = setTimeout(() => {
        fail(
          `The worklist did not answer within ${timeoutMs / 1000} s`,
          associated
            ? `association accepted, then no answer: the worklist may have refused queries from ${callingAet}`
            : 'no association',
          true,
        );
        try {
          client.abort();
        } catch {
          // Not connected yet: nothing to abort.
        }
      }, timeoutMs);

      request.on('response', (response) => {
        const status = response.getStatus();
        if (status === constants.Status.Pending) {
          const dataset = response.getDataset();
          if (dataset) answers.push(mwlItemFromNaturalized(dataset.getElements()));
        } else if (status === constants.Status.Success) {
          finish(undefined);
        } else {
          fail(
            'The worklist query failed',
            `C-FIND status 0x${status.toString(16).padStart(4, '0')} ${response.getErrorComment() ?? ''}`.trim(),
          );
        }
      });
      client.on('associationAccepted', () => {
        associated = true;
      });
      client.on('associationRejected', (result: { result: number; source: number; reason: number }) =>
        fail(
          'The worklist refused Fovea',
          `association rejected (result ${result.result}, source ${result.source}, reason ${result.reason}); ` +
            `is the calling AE title ${callingAet} known to the worklist?`,
        ),
      );
      client.on('networkError', (error: Error & { code?: string }) =>
        fail('The worklist is unreachable', error.code ?? error.message),
      );
      client.on('closed', () => {
        // A normal release arrives after the final answer; anything else closed too early.
        if (!settled) fail('The worklist is unreachable', 'the connection closed before the final answer');
      });
      client.addRequest(request);
      client.send(host, port, callingAet, calledAet, {
        connectTimeout: timeoutMs,
        associationTimeout: timeoutMs,
        pduTimeout: timeoutMs,
      });
    });
  }
}
