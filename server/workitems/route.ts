import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from '../errors';
import type { DicomJsonObject } from './dicomJson';
import { mwlReturnKeys, workitemFromMwl } from './fromMwl';
import { parseIncludeFields, select, selectionKey } from './include';
import { dateRangeOf, matches, parseConditions, QueryError } from './match';
import { SharedAnswers } from './reuse';
import { WorklistUnavailableError, type WorklistSource } from './source';
import { tagOf } from './tags';

/**
 * How long a worklist answer is reused for searches of the same dates. Every open worklist page polls,
 * and a busy day costs the worklist seconds per query (Orthanc's plugin reads every order file each
 * time). Reusing an answer for a few seconds is harmless: the worklist changes only when the RIS
 * writes orders, which no one sees sooner than the next poll anyway (far longer than this), and the
 * result statuses come from the study search and the change feed, not from this answer.
 */
export const WORKLIST_REUSE_MS = 5_000;

interface Body {
  json: Buffer;
}

const startOf = (workitem: DicomJsonObject) =>
  String(workitem[tagOf('ScheduledProcedureStepStartDateTime')]?.Value?.[0] ?? '');

/**
 * UPS-RS Search and Retrieve Workitem (PS3.18 §11.9, §11.5) served from a modality worklist, for PACS
 * that have a worklist but no UPS-RS. Results are sorted by scheduled start.
 */
export function registerWorkitems(
  app: FastifyInstance,
  source: WorklistSource,
  { reuseMs = WORKLIST_REUSE_MS }: { reuseMs?: number } = {},
): void {
  // The workitems of each date range; identical searches meanwhile share one worklist query.
  const loads = new SharedAnswers<DicomJsonObject[]>(reuseMs);
  // The answers written from each load, so that pages polling the same day cost one serialisation.
  const bodies = new WeakMap<DicomJsonObject[], Map<string, Body>>();

  const load = (dateRange: string | undefined): Promise<DicomJsonObject[]> =>
    loads.get(dateRange ?? '', async () => {
      const query = mwlReturnKeys();
      const [step] = query.ScheduledProcedureStepSequence as [Record<string, string>];
      if (dateRange) step.ScheduledProcedureStepStartDate = dateRange;
      const answers = await source.find(query);
      return answers.map(workitemFromMwl).sort((a, b) => startOf(a).localeCompare(startOf(b)));
    });

  const bodyOf = (loaded: DicomJsonObject[], key: string, write: () => unknown[]): Body => {
    let written = bodies.get(loaded);
    if (!written) bodies.set(loaded, (written = new Map()));
    let body = written.get(key);
    if (!body) written.set(key, (body = { json: Buffer.from(JSON.stringify(write())) }));
    return body;
  };

  // Not compressed: on the local network a gateway serves, gzip made the busy day's list appear later
  // in the browser (which then decompresses it), though far fewer bytes travelled.
  const send = (reply: FastifyReply, body: Body) => reply.type('application/dicom+json').send(body.json);

  const fail = (reply: FastifyReply, error: unknown) => {
    if (error instanceof QueryError) return sendError(reply, 400, error.message);
    if (error instanceof WorklistUnavailableError) {
      return sendError(reply, error.timedOut ? 504 : 503, error.message, error.detail);
    }
    throw error;
  };

  app.get('/dicom-web/workitems', async (request, reply) => {
    const params = request.query as Record<string, string | string[] | undefined>;
    try {
      const conditions = parseConditions(params);
      const selection = parseIncludeFields(params.includefield, conditions);
      const limit = Math.max(0, Number(params.limit ?? 1000) || 0) || 1000;
      const offset = Math.max(0, Number(params.offset ?? 0) || 0);
      const loaded = await load(dateRangeOf(conditions));
      const found = loaded.filter((workitem) => matches(workitem, conditions));
      const page = found.slice(offset, offset + limit);
      if (page.length === 0) return reply.code(204).send();
      if (offset + limit < found.length) {
        reply.header('warning', '299 fovea "There are more results; use offset to page"');
      }
      const key = JSON.stringify([conditions, selectionKey(selection), offset, limit]);
      return send(
        reply,
        bodyOf(loaded, key, () => page.map((workitem) => select(workitem, selection))),
      );
    } catch (error) {
      return fail(reply, error);
    }
  });

  app.get('/dicom-web/workitems/:uid', async (request, reply) => {
    const { uid } = request.params as { uid: string };
    const hasUid = (workitem: DicomJsonObject) => workitem[tagOf('SOPInstanceUID')]?.Value?.[0] === uid;
    try {
      // The UID is derived by Fovea, so the worklist cannot be asked for it: look in what was just
      // read (a page usually retrieves a workitem it has just listed), else read every date.
      let workitem: DicomJsonObject | undefined;
      for (const fresh of loads.fresh()) {
        workitem = (await fresh).find(hasUid);
        if (workitem) break;
      }
      workitem ??= (await load(undefined)).find(hasUid);
      if (!workitem) return sendError(reply, 404, `No scheduled procedure has the workitem UID ${uid}`);
      return send(reply, { json: Buffer.from(JSON.stringify([workitem])) });
    } catch (error) {
      return fail(reply, error);
    }
  });
}
