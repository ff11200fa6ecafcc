import { describe, expect, it } from 'vitest';
import { describeImageLoadError } from './imageLoadError';

const xhr = (status: number) => ({ readyState: 4, status });

describe('describeImageLoadError', () => {
  it('explains failed fetches by status', () => {
    expect(describeImageLoadError(xhr(0))).toBe('PACS unreachable — the image could not be fetched.');
    expect(describeImageLoadError(xhr(503))).toBe('PACS unreachable — the image could not be fetched.');
    expect(describeImageLoadError(xhr(404))).toBe('The PACS does not have this image (HTTP 404).');
    expect(describeImageLoadError(xhr(406))).toMatch(/cannot send this image/);
    expect(describeImageLoadError(xhr(500))).toBe('The PACS answered HTTP 500 for this image.');
  });

  it('passes on why decoding failed', () => {
    expect(describeImageLoadError(new Error('no decoder for transfer syntax 1.2.3'))).toBe(
      'The image could not be decoded: no decoder for transfer syntax 1.2.3',
    );
    expect(describeImageLoadError(undefined)).toBe('The image could not be loaded.');
  });
});
