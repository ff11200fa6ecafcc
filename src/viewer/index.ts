export { ViewerPage, type ViewerPageProps } from './ViewerPage';
export type { ViewerSettings } from './engine';
