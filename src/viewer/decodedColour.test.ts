import { describe, expect, it } from 'vitest';
import { frameTransferSyntaxOf, photometricAfterDecoding } from './decodedColour';

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

const part = (headers: string[]) =>
  new TextEncoder().encode(`--boundary\r\n${headers.join('\r\n')}\r\n\r\n\u00ff\u00d8 pixel data`);

describe('frameTransferSyntaxOf', () => {
  it("reads the transfer syntax from the part's Content-Type", () => {
    expect(
      frameTransferSyntaxOf(
        part([
          `Content-Type: application/octet-stream; transfer-syntax=${JPEG_EXTENDED}`,
          'Content-Length: 12',
        ]),
      ),
    ).toBe(JPEG_EXTENDED);
    expect(
      frameTransferSyntaxOf(
        part(['content-length: 12', 'content-type: image/jpeg; transfer-syntax="1.2.3"']),
      ),
    ).toBe('1.2.3');
  });

  it('is undefined when the part does not say', () => {
    expect(frameTransferSyntaxOf(part(['Content-Type: application/octet-stream']))).toBeUndefined();
    expect(frameTransferSyntaxOf(new Uint8Array([0xff, 0xd8, 0xff]).buffer)).toBeUndefined();
  });

  it('does not read a transfer syntax out of the pixel data', () => {
    const body = new TextEncoder().encode(
      '--b\r\nContent-Type: application/octet-stream\r\n\r\nContent-Type: x; transfer-syntax=1.2.3',
    );
    expect(frameTransferSyntaxOf(body)).toBeUndefined();
  });
});
