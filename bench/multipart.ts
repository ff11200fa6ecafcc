/** The boundary of a multipart/related Content-Type, quoted or not. */
export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new Error(`no multipart boundary in Content-Type "${contentType}"`);
  return boundary;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!, from); i !== -1; i = haystack.indexOf(first!, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The bodies of a multipart/related message (RFC 2046) as views into `body`: what a WADO-RS frame
 * response carries once its part headers are stripped.
 */
export function multipartBodies(body: Uint8Array, boundary: string): Uint8Array[] {
  const encoder = new TextEncoder();
  const delimiter = encoder.encode(`--${boundary}`);
  const headerEnd = encoder.encode('\r\n\r\n');
  const parts: Uint8Array[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at === -1) throw new Error('the multipart body has no boundary line');
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    // "--" after a delimiter closes the message.
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) return parts;
    const headersEnd = indexOf(body, headerEnd, afterDelimiter);
    if (headersEnd === -1) throw new Error('a multipart part has no end of headers');
    const next = indexOf(body, delimiter, headersEnd + 4);
    if (next === -1) throw new Error('the multipart body is not closed');
    // The CRLF before the next delimiter belongs to the delimiter.
    parts.push(body.subarray(headersEnd + 4, next - 2));
    at = next;
  }
}
