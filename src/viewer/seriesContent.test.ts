import { describe, expect, it } from 'vitest';
import type { InstanceMetadata, SeriesSummary } from '../dicom';
import { chooseDefaultSeries, isDisplayableImage, seriesIsImages, whyNotImages } from './seriesContent';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const PDF = '1.2.840.10008.5.1.4.1.1.104.1';
const OPV = '1.2.840.10008.5.1.4.1.1.80.1';

const series = (uid: string, modality: string, count: number, sopClassUid?: string): SeriesSummary => ({
  studyInstanceUid: '1.2',
  seriesInstanceUid: uid,
  modality,
  numberOfInstances: count,
  sopClassUid,
});

describe('chooseDefaultSeries', () => {
  const list = [
    series('scout', 'CT', 2, CT),
    series('pdf', 'DOC', 1, PDF),
    series('axial', 'CT', 200, CT),
    series('sr', 'SR', 900),
  ];

  it('takes the image series with the most images', () => {
    expect(chooseDefaultSeries(list)?.seriesInstanceUid).toBe('axial');
  });

  it('takes the series asked for, whatever it holds', () => {
    expect(chooseDefaultSeries(list, 'pdf')?.seriesInstanceUid).toBe('pdf');
    expect(chooseDefaultSeries(list, 'unknown')?.seriesInstanceUid).toBe('axial');
  });

  it('falls back to the first series when none holds images', () => {
    expect(
      chooseDefaultSeries([series('pdf', 'DOC', 1, PDF), series('opv', 'OPV', 1, OPV)])?.seriesInstanceUid,
    ).toBe('pdf');
    expect(chooseDefaultSeries([])).toBeUndefined();
  });

  it('knows documents from the search answer', () => {
    expect(seriesIsImages(series('pdf', 'DOC', 1, PDF))).toBe(false);
    expect(seriesIsImages(series('x', 'OT', 1))).toBe(true);
  });
});

describe('isDisplayableImage', () => {
  const instance = (over: Partial<InstanceMetadata>): InstanceMetadata => ({
    studyInstanceUid: '1',
    seriesInstanceUid: '2',
    sopInstanceUid: '3',
    numberOfFrames: 1,
    hasPixelData: false,
    dataset: {},
    ...over,
  });

  it('follows the SOP class, and tries unknown classes that have pixels', () => {
    expect(isDisplayableImage(instance({ sopClassUid: CT }))).toBe(true);
    expect(isDisplayableImage(instance({ sopClassUid: PDF, hasPixelData: true }))).toBe(false);
    expect(
      isDisplayableImage(instance({ sopClassUid: '1.2.3', hasPixelData: true, rows: 2, columns: 2 })),
    ).toBe(true);
    expect(isDisplayableImage(instance({ sopClassUid: '1.2.3', hasPixelData: false }))).toBe(false);
  });
});

describe('whyNotImages', () => {
  it('names what the series holds', () => {
    expect(whyNotImages(PDF, 'DOC', 1)).toBe(
      'This series holds an encapsulated PDF document; it has no pixel data to display.',
    );
    expect(whyNotImages(PDF, 'DOC', 3)).toBe(
      'This series holds encapsulated PDF documents; it has no pixel data to display.',
    );
    expect(whyNotImages(OPV, 'OPV', 1)).toBe(
      'This series holds visual-field measurements (OPV); it has no pixel data to display.',
    );
    expect(whyNotImages('1.2.840.10008.5.1.4.1.1.66.4', 'SEG', 1)).toBe(
      'This series holds a segmentation, which Fovea does not display as images.',
    );
    expect(whyNotImages(undefined, 'SR', 1)).toBe(
      'This series holds SR objects; it has no pixel data to display.',
    );
    expect(whyNotImages('1.2.3.4', 'OT', 1)).toBe(
      'This series holds objects of SOP class 1.2.3.4; it has no pixel data to display.',
    );
  });
});
