import { describe, expect, it } from 'vitest';
import type { InstanceMetadata, SeriesSummary } from '../dicom';
import { PacsError } from '../dicomweb';
import { viewportProblem } from './viewportProblem';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const PDF = '1.2.840.10008.5.1.4.1.1.104.1';
const series = (sopClassUid: string, modality: string): SeriesSummary => ({
  studyInstanceUid: '1.2',
  seriesInstanceUid: '1.2.3',
  modality,
  numberOfInstances: 1,
  sopClassUid,
});
const instance = (sopClassUid: string): InstanceMetadata => ({
  studyInstanceUid: '1.2',
  seriesInstanceUid: '1.2.3',
  sopInstanceUid: '1.2.3.4',
  sopClassUid,
  numberOfFrames: 1,
  hasPixelData: false,
  dataset: {},
});

describe('viewportProblem', () => {
  it('names a document series before any metadata is fetched', () => {
    expect(
      viewportProblem({
        series: series(PDF, 'DOC'),
        instances: undefined,
        imageCount: undefined,
        error: undefined,
      }),
    ).toEqual({
      reason: 'not-an-image',
      message: 'This series holds an encapsulated PDF document; it has no pixel data to display.',
    });
  });

  it('reports a failed metadata request with its detail', () => {
    const error = new PacsError('pacs-error', 'GET …/metadata: HTTP 500', 500);
    expect(
      viewportProblem({ series: series(CT, 'CT'), instances: undefined, imageCount: undefined, error }),
    ).toEqual({
      reason: 'load-failed',
      message: 'The series could not be loaded: The PACS reported an error.',
      detail: 'GET …/metadata: HTTP 500',
    });
  });

  it('uses the metadata when the search did not tell', () => {
    const found = [instance(PDF)];
    expect(
      viewportProblem({ series: series('', 'OT'), instances: found, imageCount: 0, error: undefined })
        ?.message,
    ).toBe('This series holds an encapsulated PDF document; it has no pixel data to display.');
    expect(
      viewportProblem({ series: series('', 'OT'), instances: [], imageCount: 0, error: undefined })?.message,
    ).toBe('This series has no instances in the PACS.');
  });

  it('has nothing to say about an image series', () => {
    expect(
      viewportProblem({
        series: series(CT, 'CT'),
        instances: [instance(CT)],
        imageCount: 1,
        error: undefined,
      }),
    ).toBeUndefined();
    expect(
      viewportProblem({ series: undefined, instances: undefined, imageCount: undefined, error: undefined }),
    ).toBeUndefined();
  });
});
