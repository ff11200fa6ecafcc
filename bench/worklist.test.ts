import { describe, expect, it } from 'vitest';
import { busyDayOrders } from './worklist';

describe('the busy worklist day', () => {
  const orders = busyDayOrders(5000);

  it('has as many orders as asked, each with its own accession, patient ID and study UID', () => {
    expect(orders).toHaveLength(5000);
    for (const key of ['accessionNumber', 'studyInstanceUID', 'stepId'] as const)
      expect(new Set(orders.map((o) => o[key])).size).toBe(5000);
    expect(new Set(orders.map((o) => o.patient.id)).size).toBe(5000);
  });

  it('spreads them over the working day in order, on one day', () => {
    const times = orders.map((o) => o.time);
    expect([...times].sort()).toEqual(times);
    expect(times[0]).toBe('070000');
    expect(times.at(-1)! < '190000').toBe(true);
    expect(new Set(orders.map((o) => o.date)).size).toBe(1);
  });
});
