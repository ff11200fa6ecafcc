import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import type { DicomWebClient } from '../dicomweb';
import { StudyListPage } from '../studies';
import { ViewerPage, preloadImageViewer } from '../viewer';
import { WorklistPage } from '../worklist';
import { AppShell } from './AppShell';
import type { AppConfig } from './config';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFoundPage } from './NotFoundPage';

export interface AppProps {
  config: AppConfig;
  /** The client the page's first requests were made with (main.tsx), so their answers are reused. */
  client: DicomWebClient;
}

export function App({ config, client }: AppProps) {
  useEffect(() => {
    document.title = config.branding.name;
  }, [config.branding.name]);

  // Cornerstone is not in this bundle: the viewer page loads it for its image area (see viewer/).
  const viewer = (
    <ErrorBoundary what="The viewer">
      <ViewerPage client={client} settings={config.viewer} />
    </ErrorBoundary>
  );

  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppShell name={config.branding.name} />}>
          <Route
            index
            element={
              <WorklistPage
                client={client}
                pollIntervalSeconds={config.worklist.pollIntervalSeconds}
                onOpenIntent={preloadImageViewer}
              />
            }
          />
          <Route
            path="studies"
            element={
              <StudyListPage
                client={client}
                maxResults={config.studyList.maxResults}
                onOpenIntent={preloadImageViewer}
              />
            }
          />
          <Route path="viewer" element={viewer} />
          <Route path="viewer/:StudyInstanceUID" element={viewer} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
