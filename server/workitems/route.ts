import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors';
import type { DicomJsonObject } from './dicomJson';
import { mwlReturnKeys, workitemFromMwl } from './fromMwl';
import { dateRangeOf, matches, parseConditions, QueryError } from './match';
import { WorklistUnavailableError, type WorklistSource } from './source';
import { tagOf } from './tags';

const startOf = (workitem: DicomJsonObject) =>
  String(workitem[tagOf('ScheduledProcedureStepStartDateTime')]?.Value?.[0] ?? '');

/**
 * UPS-RS Search and Retrieve Workitem (PS3.18 §11.9, §11.5) served from a modality worklist, for PACS
 * that have a worklist but no UPS-RS. Results are sorted by scheduled start.
 */
export function registerWorkitems(app: FastifyInstance, source: WorklistSource): void {
  const load = async (dateRange: string | undefined): Promise<DicomJsonObject[]> => {
    const query = mwlReturnKeys();
    const [step] = query.ScheduledProcedureStepSequence as [Record<string, string>];
    if (dateRange) step.ScheduledProcedureStepStartDate = dateRange;
    const answers = await source.find(query);
    return answers.map(workitemFromMwl).sort((a, b) => startOf(a).localeCompare(startOf(b)));
  };

  const fail = (reply: Parameters<typeof sendError>[0], error: unknown) => {
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
      const limit = Math.max(0, Number(params.limit ?? 1000) || 0) || 1000;
      const offset = Math.max(0, Number(params.offset ?? 0) || 0);
      const found = (await load(dateRangeOf(conditions))).filter((workitem) => matches(workitem, conditions));
      const page = found.slice(offset, offset + limit);
      if (page.length === 0) return reply.code(204).send();
      if (offset + limit < found.length) {
        reply.header('warning', '299 fovea "There are more results; use offset to page"');
      }
      return reply.type('application/dicom+json').send(page);
    } catch (error) {
      return fail(reply, error);
    }
  });

  app.get('/dicom-web/workitems/:uid', async (request, reply) => {
    const { uid } = request.params as { uid: string };
    try {
      const workitem = (await load(undefined)).find((w) => w[tagOf('SOPInstanceUID')]?.Value?.[0] === uid);
      if (!workitem) return sendError(reply, 404, `No scheduled procedure has the workitem UID ${uid}`);
      return reply.type('application/dicom+json').send([workitem]);
    } catch (error) {
      return fail(reply, error);
    }
  });
}
