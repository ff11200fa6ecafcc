export { StudyListPage, type StudyListPageProps } from './StudyListPage';
