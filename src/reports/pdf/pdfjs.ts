import { getDocument, GlobalWorkerOptions, VerbosityLevel, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// Parsing runs in pdf.js's own module worker, served from this origin (CSP worker-src 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a PDF for display only. pdf.js 6 no longer compiles PDF functions with eval (the old
 * `isEvalSupported` switch went with that code, and the gateway's CSP forbids eval anyway); document
 * JavaScript never runs because the scripting sandbox is not loaded; XFA forms stay off.
 */
export function openPdf(bytes: Uint8Array): { promise: Promise<PDFDocumentProxy>; destroy: () => void } {
  const task = getDocument({
    // pdf.js transfers the buffer to its worker; a copy keeps the caller's bytes for the download.
    data: bytes.slice(),
    enableXfa: false,
    // Fonts the PDF names but does not embed come from the system, not from a URL.
    useSystemFonts: true,
    stopAtErrors: false,
    // The report and its preview say on screen when a PDF cannot be read; pdf.js's warnings about the
    // repairs it makes to a damaged file stay out of the console.
    verbosity: VerbosityLevel.ERRORS,
  });
  return { promise: task.promise, destroy: () => void task.destroy() };
}

export type { PDFDocumentProxy };
