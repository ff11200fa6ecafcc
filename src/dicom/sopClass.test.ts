import { describe, expect, it } from 'vitest';
import { isImageSeries, sopClassInfo } from './sopClass';

describe('SOP classes', () => {
  it('knows images', () => {
    expect(sopClassInfo('1.2.840.10008.5.1.4.1.1.2')?.category).toBe('image');
    expect(sopClassInfo('1.2.840.10008.5.1.4.1.1.77.1.5.1')?.category).toBe('image');
  });

  it('names what is not an image', () => {
    expect(sopClassInfo('1.2.840.10008.5.1.4.1.1.104.1')).toMatchObject({
      category: 'no-pixel-data',
      one: 'an encapsulated PDF document',
    });
    expect(sopClassInfo('1.2.840.10008.5.1.4.1.1.80.1')?.one).toBe('visual-field measurements (OPV)');
    expect(sopClassInfo('1.2.840.10008.5.1.4.1.1.88.33')?.one).toBe('a structured report (SR)');
    expect(sopClassInfo('1.2.840.10008.5.1.4.1.1.66.4')?.category).toBe('pixel-data');
  });

  it('does not know everything', () => {
    expect(sopClassInfo('1.2.3.4')).toBeUndefined();
    expect(sopClassInfo(undefined)).toBeUndefined();
  });
});

describe('isImageSeries', () => {
  it('follows the SOP class when the archive reports it', () => {
    expect(isImageSeries('1.2.840.10008.5.1.4.1.1.104.1', 'OT')).toBe(false);
    expect(isImageSeries('1.2.840.10008.5.1.4.1.1.7', 'DOC')).toBe(true);
  });

  it('falls back to the modality', () => {
    expect(isImageSeries(undefined, 'SR')).toBe(false);
    expect(isImageSeries(undefined, 'opv')).toBe(false);
    expect(isImageSeries(undefined, 'CT')).toBe(true);
    expect(isImageSeries('1.2.3.4', 'OT')).toBe(true);
  });
});
