import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MwlItem } from './fromMwl';
import { registerWorkitems } from './route';
import type { WorklistSource } from './source';

/** A worklist of `count` orders on one day that counts the queries it answers. */
class CountingWorklist implements WorklistSource {
  queries: MwlItem[] = [];
  constructor(private readonly count: number) {}
  async find(query: MwlItem): Promise<MwlItem[]> {
    this.queries.push(query);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return Array.from({ length: this.count }, (_, i) => ({
      PatientName: `Patient^${i}`,
      PatientID: `P${i}`,
      AccessionNumber: `A${i}`,
      StudyInstanceUID: `1.2.3.${i}`,
      ScheduledProcedureStepSequence: [
        {
          Modality: 'OP',
          ScheduledStationName: 'FUNDUS-1',
          ScheduledProcedureStepStartDate: '20270104',
          ScheduledProcedureStepStartTime: String(70000 + i).padStart(6, '0'),
          ScheduledProcedureStepID: `S${i}`,
        },
      ],
    }));
  }
}

describe('workitem search through the gateway', () => {
  let app: FastifyInstance;
  let worklist: CountingWorklist;
  const day = '/dicom-web/workitems?ScheduledProcedureStepStartDateTime=20270104&limit=5000';

  beforeEach(async () => {
    app = Fastify();
    worklist = new CountingWorklist(400);
    registerWorkitems(app, worklist);
    await app.ready();
  });
  afterEach(() => app.close());

  it('asks the worklist once for identical searches at the same time, and once more for another day', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'GET', url: day })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(worklist.queries).toHaveLength(1);
    await app.inject({ method: 'GET', url: day.replace('20270104', '20270105') });
    expect(worklist.queries).toHaveLength(2);
  });

  it('returns only the included attributes, and everything without includefield', async () => {
    const all = (await app.inject({ method: 'GET', url: day })).json();
    const some = (await app.inject({ method: 'GET', url: `${day}&includefield=PatientID` })).json();
    expect(some).toHaveLength(400);
    expect(Object.keys(some[0]).sort()).toEqual(
      ['00080005', '00080016', '00080018', '00100020', '00404005', '00741000'].sort(),
    );
    expect(Object.keys(all[0]).length).toBeGreaterThan(15);
    expect(some[0]['00080018']).toEqual(all[0]['00080018']);
  });

  it('retrieves a workitem just listed without asking the worklist again', async () => {
    const [first] = (await app.inject({ method: 'GET', url: day })).json();
    const uid = first['00080018'].Value[0];
    const retrieved = await app.inject({ method: 'GET', url: `/dicom-web/workitems/${uid}` });
    expect(retrieved.statusCode).toBe(200);
    expect(retrieved.json()).toEqual([first]);
    expect(worklist.queries).toHaveLength(1);
    const missing = await app.inject({ method: 'GET', url: '/dicom-web/workitems/2.25.1' });
    expect(missing.statusCode).toBe(404);
    // Not among the fresh answers: every date is asked for.
    const [step] = worklist.queries[1]!.ScheduledProcedureStepSequence as MwlItem[];
    expect(step!.ScheduledProcedureStepStartDate).toBe('');
  });

  it('refuses an unknown includefield keyword', async () => {
    const response = await app.inject({ method: 'GET', url: `${day}&includefield=PatientNmae` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('PatientNmae');
  });
});
