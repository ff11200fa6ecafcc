import { describe, expect, it } from 'vitest';
import { SERIES_DRAG_TYPE, readSeriesDrag } from './seriesDrag';

const transfer = (data: Record<string, string>) => ({ getData: (type: string) => data[type] ?? '' });

describe('readSeriesDrag', () => {
  it('reads a series dragged from the series browser', () => {
    const series = { studyInstanceUid: '1.2', seriesInstanceUid: '1.2.3' };
    expect(readSeriesDrag(transfer({ [SERIES_DRAG_TYPE]: JSON.stringify(series) }))).toEqual(series);
  });

  it('ignores anything else', () => {
    expect(readSeriesDrag(transfer({ 'text/plain': 'hello' }))).toBeUndefined();
    expect(readSeriesDrag(transfer({ [SERIES_DRAG_TYPE]: 'not json' }))).toBeUndefined();
    expect(readSeriesDrag(transfer({ [SERIES_DRAG_TYPE]: '{"studyInstanceUid":1}' }))).toBeUndefined();
  });
});
