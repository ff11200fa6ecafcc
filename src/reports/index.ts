import { lazy } from 'react';

export { reportKindOf, type ReportKind } from './reportKind';
export type { ReportViewportProps } from './ReportViewport';

/** The report renderers (and pdf.js) load when a report is opened, not with the viewer. */
export const LazyReportViewport = lazy(() => import('./ReportViewport'));
