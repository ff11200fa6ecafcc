import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { DicomWebClient } from '../dicomweb';
import { preloadImageViewer } from '../viewer';
import { App } from './App';
import type { AppConfig, ConfigProblem } from './config';
import { ConfigErrorScreen } from './ConfigErrorScreen';

/** What main.tsx has read before the app's code arrived: the configuration and its client, or why not. */
export type Started =
  { ok: true; config: AppConfig; client: DicomWebClient } | { ok: false; problem: ConfigProblem };

/** Renders the app into `container` once the configuration has been read. */
export async function startApp(container: HTMLElement, started: Promise<Started>, onViewer: boolean) {
  const root = createRoot(container);
  if (onViewer) preloadImageViewer();
  const result = await started;
  root.render(
    <StrictMode>
      {result.ok ? (
        <App config={result.config} client={result.client} />
      ) : (
        <ConfigErrorScreen problem={result.problem} />
      )}
    </StrictMode>,
  );
}
