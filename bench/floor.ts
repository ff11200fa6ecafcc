import type { Page } from 'playwright';

/** Where the floor page is served: the gateway's origin, so that it pays what the viewer pays. */
export const FLOOR_PATH = '/bench-floor';

/**
 * The least any viewer must do to show the first slice: fetch the series metadata and the first
 * frame over WADO-RS (as stored: this series is uncompressed), apply rescale and the file's window, and
 * draw it on a canvas. No framework, no library, nothing else.
 */
const FLOOR_HTML = String.raw`<!doctype html>
<html><head><meta charset="utf-8"><title>Floor</title>
<style>html,body{margin:0;height:100%;background:#000}canvas{display:block;height:100vh;margin:auto}</style>
</head><body><canvas width="512" height="512"></canvas><script>
(async () => {
  const query = new URLSearchParams(location.search);
  const root = '/dicom-web/studies/' + query.get('study') + '/series/' + query.get('series');
  const metadata = await (await fetch(root + '/metadata', { headers: { accept: 'application/dicom+json' } })).json();
  const value = (instance, tag) => instance[tag] && instance[tag].Value ? instance[tag].Value[0] : undefined;
  metadata.sort((a, b) => value(a, '00200013') - value(b, '00200013'));
  const image = metadata[0];
  const response = await fetch(root + '/instances/' + value(image, '00080018') + '/frames/1', {
    headers: { accept: 'multipart/related; type=application/octet-stream; transfer-syntax=*' },
  });
  const body = new Uint8Array(await response.arrayBuffer());
  let start = 0;
  while (!(body[start] === 13 && body[start + 1] === 10 && body[start + 2] === 13 && body[start + 3] === 10)) start += 1;
  start += 4;
  const rows = value(image, '00280010');
  const columns = value(image, '00280011');
  const bytes = body.slice(start, start + rows * columns * 2).buffer;
  const stored = value(image, '00280103') === 1 ? new Int16Array(bytes) : new Uint16Array(bytes);
  const slope = value(image, '00281053') ?? 1;
  const intercept = value(image, '00281052') ?? 0;
  const center = value(image, '00281050');
  const width = value(image, '00281051');
  const canvas = document.querySelector('canvas');
  canvas.width = columns;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  const out = context.createImageData(columns, rows);
  for (let i = 0; i < stored.length; i++) {
    const y = ((stored[i] * slope + intercept - (center - 0.5)) / (width - 1) + 0.5) * 255;
    const grey = y < 0 ? 0 : y > 255 ? 255 : y;
    out.data[i * 4] = out.data[i * 4 + 1] = out.data[i * 4 + 2] = grey;
    out.data[i * 4 + 3] = 255;
  }
  context.putImageData(out, 0, 0);
})();
</script></body></html>`;

/**
 * Answers `url` (a Playwright URL pattern) on `page` with `html`, by the browser's request
 * interception, not by the gateway (which serves only the built app): a bench page at the gateway's
 * origin then talks to the gateway like the viewer does.
 */
export async function serveHtml(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** Serves the floor page at the gateway's origin for this page. */
export function serveFloorPage(page: Page, origin: string): Promise<void> {
  return serveHtml(page, `${origin}${FLOOR_PATH}*`, FLOOR_HTML);
}

export function floorPath(studyInstanceUid: string, seriesInstanceUid: string): string {
  return `${FLOOR_PATH}?study=${encodeURIComponent(studyInstanceUid)}&series=${encodeURIComponent(seriesInstanceUid)}`;
}
