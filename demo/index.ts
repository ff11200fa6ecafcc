// The demo and test data of Fovea: deterministic DICOM files, today's worklist and incoming results.
// The seed script stores the files into the PACS; tests read the catalog to know what is on screen.
export { buildDemoInstances, type DemoInstances } from './build';
export { writeWorklistFiles } from './worklist';
export * from './catalog';
