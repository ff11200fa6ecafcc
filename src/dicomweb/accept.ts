/**
 * What Fovea asks the archive for, as stored: compressed images travel compressed and are decoded in
 * the browser. Shared with `npm run bench`, whose references must ask for the same as the viewer.
 */

/** A frame (WADO-RS `…/frames/N`): multipart/related, in any transfer syntax. */
export const ACCEPT_FRAMES_AS_STORED = 'multipart/related; type=application/octet-stream; transfer-syntax=*';

/** A series' Part-10 files in one answer (WADO-RS retrieve), in any transfer syntax. */
export const ACCEPT_FILES_AS_STORED = 'multipart/related; type="application/dicom"; transfer-syntax=*';
