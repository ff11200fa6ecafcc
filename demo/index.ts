// The demo and test data of Fovea: deterministic DICOM files, today's worklist and incoming results.
export {
  buildDemoInstances,
  demoIncoming,
  CODEC_STUDY,
  GENERATOR_VERSION,
  type DemoInstances,
  type IncomingStudy,
} from './build';
export { DEMO_CT, DEMO_PATIENTS, demoPatient, type DemoPatient } from './catalog';
export { DEMO_TRANSFER_SYNTAXES, type DemoTransferSyntax } from './codecs';
export { demoOrders, type DemoOrder } from './orders';
export { writeWorklistFiles } from './worklist';
export { pattern242, type VisualFieldResult, type TestPoint } from './visualField';
