/**
 * JPEG Extended and the other DCT processes that allow 12 bits (1.2.840.10008.1.2.4.51, .53, .55) are
 * decoded by Cornerstone's JavaScript JPEG decoder, which leaves colour as the JPEG holds it: YCbCr,
 * with the chroma already brought back to full resolution. The image loader decides whether to convert
 * colour from the Photometric Interpretation alone, and for YBR_FULL_422 it converts only data that is
 * still subsampled; full-resolution YCbCr then goes to the screen as if it were RGB (a green and purple
 * picture). What such a frame holds is YBR_FULL, and converted as YBR_FULL it shows its true colours.
 * JPEG Baseline (.50) colour is decoded to RGB and needs nothing.
 */
const DECODED_AS_YCBCR = new Set([
  '1.2.840.10008.1.2.4.51',
  '1.2.840.10008.1.2.4.53',
  '1.2.840.10008.1.2.4.55',
]);

/** Whether frames of this transfer syntax come out of the decoder as the JPEG holds their colour. */
export function decodesToYCbCr(transferSyntaxUid: string | undefined): boolean {
  return transferSyntaxUid !== undefined && DECODED_AS_YCBCR.has(transferSyntaxUid);
}

/**
 * The Photometric Interpretation that describes a frame once decoded, when it is not the one the file
 * gives (that describes the compressed data); undefined when the file's is right.
 */
export function photometricAfterDecoding(
  photometricInterpretation: string | undefined,
  transferSyntaxUid: string | undefined,
): string | undefined {
  if (!decodesToYCbCr(transferSyntaxUid)) return undefined;
  return photometricInterpretation === 'YBR_FULL_422' ? 'YBR_FULL' : undefined;
}
