/** What a page loaded, as the payload measurement accounts for it. */
export interface LoadedResource {
  url: string;
  /** As the browser classed it: script (pages and workers), stylesheet, or anything else. */
  type: string;
  /** Bytes of the body after decoding, and gzip -9 of it (what a gzip-only client would transfer). */
  bytes: number;
  gzipBytes: number;
}

export interface PayloadFigures {
  /** JS + CSS, gzip, codecs included. */
  gzipBytes: number;
  /** JS + CSS, gzip, without the image codecs (their JS glue and wasm). */
  gzipBytesWithoutCodecs: number;
  codecGzipBytes: number;
  files: number;
  /** Codec files fetched (wasm or codec glue); empty when none was needed. */
  codecFiles: string[];
}

/** The codec packages Cornerstone's image loader uses, by the names their chunks keep. */
const CODEC_NAME = /(charls|openjph|openjpeg|jpeg|lossless|htj2k|\.wasm$)/i;

export function isCodec(url: string): boolean {
  return CODEC_NAME.test(new URL(url).pathname);
}

export function isCode(resource: Pick<LoadedResource, 'url' | 'type'>): boolean {
  const path = new URL(resource.url).pathname;
  return resource.type === 'script' || resource.type === 'stylesheet' || /\.(m?js|css|wasm)$/i.test(path);
}

/** Sums what a route loaded: each URL once, code only (JS, CSS, wasm). */
export function payloadFigures(resources: readonly LoadedResource[]): PayloadFigures {
  const seen = new Map<string, LoadedResource>();
  for (const resource of resources) {
    if (!/^https?:/.test(resource.url) || !isCode(resource)) continue;
    seen.set(resource.url.split('#')[0]!, resource);
  }
  let gzipBytes = 0;
  let codecGzipBytes = 0;
  const codecFiles: string[] = [];
  for (const [url, resource] of seen) {
    gzipBytes += resource.gzipBytes;
    if (isCodec(url)) {
      codecGzipBytes += resource.gzipBytes;
      codecFiles.push(new URL(url).pathname);
    }
  }
  return {
    gzipBytes,
    gzipBytesWithoutCodecs: gzipBytes - codecGzipBytes,
    codecGzipBytes,
    files: seen.size,
    codecFiles: codecFiles.sort(),
  };
}
