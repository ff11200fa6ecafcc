import { loadAppConfig } from './app/config';
import { dicomWebClientFor } from './app/dicomWebClient';
import type { Started } from './app/start';
import { openViewerEarly, viewerRequestAt } from './viewer/earlyViewer';
import { mountEarlyPage } from './viewer/firstFrame/earlyPage';
import { holdImageCodeForEarlyImage, imageCodeMayLoad } from './viewer/firstFrame/firstFrames';
import './app/theme.css';
import './app/shell.css';
import './ui/ui.css';

// This module is small on purpose: the page's first requests go out while the app's code (React and the
// pages, in its own chunk) is still arriving and being evaluated.

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Opened on the viewer (a link from a worklist, an EHR or IID): the studies are asked for now, the
// page draws the first image itself with the patient's banner (firstFrame/earlyPage.ts), and then the
// app's code and the image code load (their evaluation would hold up the answers that image waits for).
const viewerRequest = viewerRequestAt(window.location);
if (viewerRequest) holdImageCodeForEarlyImage();

/**
 * On the viewer, the app's code is evaluated once the page has drawn the first image itself (or knows
 * that it will not): evaluating it earlier takes the CPU from the archive's answers and the drawing.
 * A slow archive does not hold the app back longer than this.
 */
const LONGEST_APP_WAIT_MS = 1000;

// The configuration is read at every start so that an operator can change it without a rebuild.
const started: Promise<Started> = loadAppConfig(`${import.meta.env.BASE_URL}config.json`).then((result) =>
  result.ok ? { ok: true, config: result.config, client: dicomWebClientFor(result.config) } : result,
);

const earlyImageSettled = started.then((result) => {
  if (!result.ok || !viewerRequest) return undefined;
  const page = viewerRequest.ok
    ? mountEarlyPage(container, result.config.branding.name, import.meta.env.BASE_URL)
    : undefined;
  return Promise.race([
    openViewerEarly(result.client, viewerRequest, result.config.viewer.cacheBytes, page).then(
      imageCodeMayLoad,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, LONGEST_APP_WAIT_MS)),
  ]);
});

// Elsewhere the app's code is needed at once (index.html has it fetched beside this module).
(viewerRequest ? earlyImageSettled : Promise.resolve())
  .then(() => import('./app/start'))
  .then(
    ({ startApp }) => startApp(container, started, viewerRequest !== undefined),
    () => {
      container.innerHTML =
        '<p class="app-starting" role="alert">Fovea could not load. Check the connection and reload the page.</p>';
    },
  );
