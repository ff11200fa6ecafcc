import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ConfigErrorScreen } from './app/ConfigErrorScreen';
import { loadAppConfig } from './app/config';
import { holdImageCodeForEarlyImage, preloadImageViewer } from './viewer';
import './app/theme.css';
import './app/shell.css';
import './ui/ui.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

// Opened on the viewer (a link from a worklist, an EHR or IID): the page draws the first image itself
// first, then the image code loads (its evaluation would hold up the answers that image waits for).
if (/^\/viewer(\/|$)/.test(window.location.pathname)) {
  holdImageCodeForEarlyImage();
  preloadImageViewer();
}

// The configuration is read at every start so that an operator can change it without a rebuild.
void loadAppConfig(`${import.meta.env.BASE_URL}config.json`).then((result) => {
  root.render(
    <StrictMode>
      {result.ok ? <App config={result.config} /> : <ConfigErrorScreen problem={result.problem} />}
    </StrictMode>,
  );
});
