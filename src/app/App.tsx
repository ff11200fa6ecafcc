import { Suspense, lazy, useEffect, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { DicomWebClient } from '../dicomweb';
import { StudyListPage } from '../studies';
import { StateMessage } from '../ui';
import { AppShell } from './AppShell';
import type { AppConfig } from './config';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFoundPage } from './NotFoundPage';

/** The viewer carries Cornerstone (about a megabyte); it is fetched only when a study is opened. */
const loadViewer = () => import('../viewer');
const ViewerPage = lazy(() => loadViewer().then((module) => ({ default: module.ViewerPage })));

let viewerRequested = false;
/** Fetches the viewer ahead of a click, once, when the user points at a study. */
function prefetchViewer() {
  if (viewerRequested) return;
  viewerRequested = true;
  loadViewer().catch(() => {
    viewerRequested = false;
  });
}

export function App({ config }: { config: AppConfig }) {
  const client = useMemo(
    () =>
      new DicomWebClient({
        qidoRoot: config.dicomweb.qidoRoot,
        wadoRoot: config.dicomweb.wadoRoot,
        stowRoot: config.dicomweb.stowRoot,
        requestTimeoutMs: config.dicomweb.requestTimeoutMs,
      }),
    [config],
  );

  useEffect(() => {
    document.title = config.branding.name;
  }, [config.branding.name]);

  const viewer = (
    <ErrorBoundary what="The viewer">
      <Suspense
        fallback={<StateMessage kind="loading" title="Loading the viewer…" className="state-message--page" />}
      >
        <ViewerPage client={client} settings={config.viewer} />
      </Suspense>
    </ErrorBoundary>
  );

  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppShell name={config.branding.name} />}>
          <Route index element={<Navigate to="/studies" replace />} />
          <Route
            path="studies"
            element={
              <StudyListPage
                client={client}
                maxResults={config.studyList.maxResults}
                onOpenIntent={prefetchViewer}
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
