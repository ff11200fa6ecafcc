export type { ViewerSettings } from './engine';
export { preloadImageViewer } from './lazyViewport';
export { ViewerPage, type ViewerPageProps } from './ViewerPage';
