import { demoOrders } from '../demo';
import { expect, test } from './fixtures';

// UPS-RS Search / Retrieve Workitem (PS3.18 §11) over plain HTTP, against the gateway in front of the
// private Orthanc whose worklist holds today's demo orders.

type DicomJson = Record<string, { vr: string; Value?: unknown[] }>;
const today = new Date();
const day = (d: Date) =>
  `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
const first = (item: DicomJson, tag: string) => item[tag]?.Value?.[0];

test("searching workitems returns today's orders as standard UPS attributes", async ({ request }) => {
  const orders = demoOrders(today);
  const response = await request.get(
    `/dicom-web/workitems?ScheduledProcedureStepStartDateTime=${day(today)}`,
  );
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/dicom+json');
  const items = (await response.json()) as DicomJson[];
  expect(items).toHaveLength(orders.length);

  for (const item of items) {
    expect(item['00080016']).toEqual({ vr: 'UI', Value: ['1.2.840.10008.5.1.4.34.6.1'] });
    expect(item['00080018']!.vr).toBe('UI');
    expect(item['00100010']!.vr).toBe('PN');
    expect(item['00100020']!.vr).toBe('LO');
    expect(item['00404005']!.vr).toBe('DT');
    expect(String(first(item, '00404005'))).toMatch(new RegExp(`^${day(today)}\\d{6}$`));
    expect(item['00741000']).toEqual({ vr: 'CS', Value: ['SCHEDULED'] });
    const request = first(item, '0040A370') as DicomJson;
    const order = orders.find((o) => o.accessionNumber === first(request, '00080050'));
    expect(order, 'each workitem belongs to an order').toBeDefined();
    expect(first(item, '00100020')).toBe(order!.patient.id);
    expect(first(request, '0020000D')).toBe(order!.studyInstanceUID);
  }
  // Sorted by scheduled start.
  const starts = items.map((item) => String(first(item, '00404005')));
  expect([...starts].sort()).toEqual(starts);
  // Names keep their ideographic and phonetic groups.
  const yamada = items.find((item) => first(item, '00100020') === 'FOV1009')!;
  expect(first(yamada, '00100010')).toEqual({
    Alphabetic: 'Yamada^Tarou',
    Ideographic: '山田^太郎',
    Phonetic: 'やまだ^たろう',
  });

  // The same order has the same workitem UID in every search, and can be retrieved by it.
  const uid = String(first(yamada, '00080018'));
  const again = (await (await request.get('/dicom-web/workitems?PatientID=FOV1009')).json()) as DicomJson[];
  expect(again.map((item) => first(item, '00080018'))).toEqual([uid]);
  const retrieved = await request.get(`/dicom-web/workitems/${uid}`);
  expect(retrieved.status()).toBe(200);
  expect(((await retrieved.json()) as DicomJson[])[0]).toEqual(yamada);
});

test('workitem search matches wildcards, accents, sequences and date ranges, and pages', async ({
  request,
}) => {
  const search = async (query: string) => {
    const response = await request.get(`/dicom-web/workitems?${query}`);
    if (response.status() === 204) return [];
    expect(response.status()).toBe(200);
    return (await response.json()) as DicomJson[];
  };
  const ids = (items: DicomJson[]) => items.map((item) => first(item, '00100020')).sort();

  expect(ids(await search('PatientName=yam*'))).toEqual(['FOV1009']);
  expect(ids(await search('PatientName=MULLER*'))).toEqual(['FOV1001']);
  expect(ids(await search('00100010=*Jürgen'))).toEqual(['FOV1001']);
  expect(ids(await search('PatientName=山田*'))).toEqual(['FOV1009']);
  expect(await search('ScheduledStationClassCodeSequence.CodeValue=OPV')).toHaveLength(
    demoOrders(today).filter((o) => o.modality === 'OPV').length,
  );
  const order = demoOrders(today)[4]!;
  expect(ids(await search(`ReferencedRequestSequence.AccessionNumber=${order.accessionNumber}`))).toEqual([
    order.patient.id,
  ]);

  const tomorrow = new Date(today.getTime() + 24 * 3600 * 1000);
  expect(await search(`ScheduledProcedureStepStartDateTime=${day(tomorrow)}-`)).toHaveLength(0);
  expect(
    await search(`ScheduledProcedureStepStartDateTime=${day(today)}080000-${day(today)}093000`),
  ).toHaveLength(demoOrders(today).filter((o) => o.time >= '080000' && o.time <= '093000').length);

  const all = await search(`ScheduledProcedureStepStartDateTime=${day(today)}`);
  const page = await search(`ScheduledProcedureStepStartDateTime=${day(today)}&limit=5&offset=10`);
  expect(page).toEqual(all.slice(10, 15));

  const bad = await request.get('/dicom-web/workitems?PatientNmae=x');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('PatientNmae');
});
