import { describe, expect, it } from 'vitest';
import { ACCEPT_DEFAULT, FrameTransferSyntaxPolicy, seriesPathOf } from './frameTransferSyntax';

const image = (series: string, sop: string) =>
  `wadors:http://fovea.test/dicom-web/studies/1.2/series/${series}/instances/${sop}/frames/1`;

describe('seriesPathOf', () => {
  it('finds the series in an image id', () => {
    expect(seriesPathOf(image('1.2.3', '1.2.3.4'))).toBe('/studies/1.2/series/1.2.3');
    expect(seriesPathOf('wadouri:http://x/file.dcm')).toBeUndefined();
  });
});

describe('FrameTransferSyntaxPolicy', () => {
  it('asks as stored until the PACS cannot send a series that way, then in the default syntax', () => {
    const policy = new FrameTransferSyntaxPolicy();
    expect(policy.acceptFor(image('1.2.3', 'a'))).toBeUndefined();
    expect(policy.fallBack(image('1.2.3', 'a'), 500)).toBe(true);
    expect(policy.acceptFor(image('1.2.3', 'b'))).toBe(ACCEPT_DEFAULT);
    expect(policy.acceptFor(image('1.2.4', 'c'))).toBeUndefined();
  });

  it('falls back once per series, and not for missing images or an unreachable PACS', () => {
    const policy = new FrameTransferSyntaxPolicy();
    expect(policy.fallBack(image('1.2.3', 'a'), 404)).toBe(false);
    expect(policy.fallBack(image('1.2.3', 'a'), 503)).toBe(false);
    expect(policy.fallBack(image('1.2.3', 'a'), 0)).toBe(false);
    expect(policy.fallBack(image('1.2.3', 'a'), 406)).toBe(true);
    expect(policy.fallBack(image('1.2.3', 'b'), 500)).toBe(false);
  });
});
