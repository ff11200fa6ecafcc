export type { ViewerSettings } from './engine';
export { holdImageCodeForEarlyImage } from './firstFrame';
export { preloadImageViewer } from './lazyViewport';
export { ViewerPage, type ViewerPageProps } from './ViewerPage';
