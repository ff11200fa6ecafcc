/** A file name from the words that say what it is: accents kept, path and shell characters left out. */
export function safeFileName(parts: ReadonlyArray<string | undefined>, extension: string): string {
  const base = parts
    .filter((p): p is string => Boolean(p && p.trim()))
    .map((p) =>
      [...p]
        .map((c) => (c < ' ' ? ' ' : c))
        .join('')
        .replace(/[\\/:*?"<>|^=,;]+/g, ' ')
        .trim()
        .replace(/\s+/g, '_'),
    )
    .filter(Boolean)
    .join('_')
    .replace(/_+/g, '_')
    .slice(0, 120);
  return `${base || 'document'}.${extension}`;
}

/** Saves a blob under a file name (the browser's download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
