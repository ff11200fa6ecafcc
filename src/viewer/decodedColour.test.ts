import { describe, expect, it } from 'vitest';
import { photometricAfterDecoding } from './decodedColour';

const JPEG_EXTENDED = '1.2.840.10008.1.2.4.51';

describe('photometricAfterDecoding', () => {
  it('takes extended-JPEG YBR_FULL_422 as the full-resolution YCbCr its decoder gives', () => {
    expect(photometricAfterDecoding('YBR_FULL_422', JPEG_EXTENDED)).toBe('YBR_FULL');
    expect(photometricAfterDecoding('YBR_FULL_422', '1.2.840.10008.1.2.4.55')).toBe('YBR_FULL');
  });

  it("keeps the file's interpretation for other colour models and other transfer syntaxes", () => {
    expect(photometricAfterDecoding('RGB', JPEG_EXTENDED)).toBeUndefined();
    expect(photometricAfterDecoding('YBR_FULL', JPEG_EXTENDED)).toBeUndefined();
    expect(photometricAfterDecoding('MONOCHROME2', JPEG_EXTENDED)).toBeUndefined();
    expect(photometricAfterDecoding('YBR_FULL_422', '1.2.840.10008.1.2.4.50')).toBeUndefined();
    expect(photometricAfterDecoding('YBR_FULL_422', '1.2.840.10008.1.2.1')).toBeUndefined();
    expect(photometricAfterDecoding('YBR_FULL_422', undefined)).toBeUndefined();
  });
});
