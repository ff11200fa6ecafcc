// The demo data set as data: patients, studies, visual fields, the codec reference, today's orders and
// incoming results, and the well-known values tests check on screen. Nothing here writes files.

/** Bump when the generated files change, so that every cache of them is rebuilt. */
export const GENERATOR_VERSION = 7;

export * from './catalog/patients';
export * from './catalog/images';
export * from './catalog/visualFields';
export * from './catalog/codecs';
export * from './catalog/studies';
export * from './catalog/schedule';
export type {
  Code,
  Eye,
  VisualFieldResult,
  VisualFieldSpec,
  VisualFieldTestPoint,
  Reliability,
} from './visualField/model';
export { TEST_PATTERNS, TEST_STRATEGIES, DEFECTS, testLocations } from './visualField/model';
