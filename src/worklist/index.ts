export { WorklistPage, type WorklistPageProps } from './WorklistPage';
