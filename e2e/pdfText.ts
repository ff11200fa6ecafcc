import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js 6 uses Promise.withResolvers, which Node has from version 22 only; the tests run on Node 20.
const withResolvers = Promise as unknown as { withResolvers?: unknown };
if (!withResolvers.withResolvers) {
  withResolvers.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
}

/**
 * The text of each page of a PDF, as pdf.js reads it (the words a reader of the printout sees). The
 * bytes are copied: pdf.js refuses Node's Buffer and takes over the array it is given.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
