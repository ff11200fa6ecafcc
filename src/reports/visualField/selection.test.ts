import { describe, expect, it } from 'vitest';
import { chooseFieldsToShow, type ReadTest } from './selection';
import { VisualFieldDataError, type VisualFieldTest } from './visualField';

const test = (series: string, eye: 'R' | 'L'): ReadTest => ({
  ok: true,
  seriesInstanceUid: series,
  sopInstanceUid: `${series}.1`,
  test: { eye } as VisualFieldTest,
});

describe('chooseFieldsToShow', () => {
  it('adds the other eye of the study, the left eye first', () => {
    const shown = chooseFieldsToShow([test('1', 'R'), test('2', 'L')], '1').shown;
    expect(shown.map((t) => t.seriesInstanceUid)).toEqual(['2', '1']);
  });

  it('shows one eye alone when the study has no other', () => {
    expect(chooseFieldsToShow([test('1', 'R')], '1').shown).toHaveLength(1);
  });

  it('keeps a broken instance on screen as an error, after the readable ones', () => {
    const broken: ReadTest = {
      ok: false,
      seriesInstanceUid: '1',
      sopInstanceUid: '1.2',
      error: new VisualFieldDataError('broken', 'detail'),
    };
    const shown = chooseFieldsToShow([broken, test('1', 'R')], '1').shown;
    expect(shown.map((t) => t.ok)).toEqual([true, false]);
  });

  it('says when the selected series holds no test', () => {
    expect(chooseFieldsToShow([test('2', 'L')], '1')).toEqual({ shown: [], empty: true });
  });
});
