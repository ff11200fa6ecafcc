// The image loader's worker module, which its package does not export (vite.config.ts points at it).
declare module '@cornerstonejs/dicom-image-loader/decodeImageFrameWorker';
