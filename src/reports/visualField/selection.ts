import type { InstanceMetadata, SeriesSummary } from '../../dicom';
import {
  OPV_SOP_CLASS_UID,
  parseVisualField,
  VisualFieldDataError,
  type VisualFieldTest,
} from './visualField';

export function isVisualFieldSeries(series: Pick<SeriesSummary, 'sopClassUid' | 'modality'>): boolean {
  return series.sopClassUid ? series.sopClassUid === OPV_SOP_CLASS_UID : series.modality === 'OPV';
}

/** One OPV instance as read: a test, or why it cannot be shown. */
export type ReadTest =
  | { ok: true; seriesInstanceUid: string; sopInstanceUid: string; test: VisualFieldTest }
  | { ok: false; seriesInstanceUid: string; sopInstanceUid: string; error: VisualFieldDataError };

export function readTests(instances: readonly InstanceMetadata[]): ReadTest[] {
  return instances
    .filter((i) => !i.sopClassUid || i.sopClassUid === OPV_SOP_CLASS_UID)
    .map((instance) => {
      const ids = { seriesInstanceUid: instance.seriesInstanceUid, sopInstanceUid: instance.sopInstanceUid };
      try {
        return { ok: true, ...ids, test: parseVisualField(instance.dataset) };
      } catch (error) {
        if (!(error instanceof VisualFieldDataError)) {
          const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          return {
            ok: false,
            ...ids,
            error: new VisualFieldDataError('This visual field could not be read.', detail),
          };
        }
        return { ok: false, ...ids, error };
      }
    });
}

export interface FieldsOnScreen {
  /** Left to right: the left eye first, then the right, as the fields are plotted from the patient's view. */
  shown: ReadTest[];
  /** The selected series held no OPV instance at all. */
  empty: boolean;
}

/**
 * The selected series' tests (all of them: a series may hold both eyes), and, when they are of one eye
 * only, the first test of the other eye in the same study, so that OD and OS are seen side by side.
 */
export function chooseFieldsToShow(tests: readonly ReadTest[], selectedSeries: string): FieldsOnScreen {
  const selected = tests.filter((t) => t.seriesInstanceUid === selectedSeries);
  if (selected.length === 0) return { shown: [], empty: true };
  const eyes = new Set(selected.flatMap((t) => (t.ok ? [t.test.eye] : [])));
  const shown = [...selected];
  if (eyes.size === 1) {
    const [eye] = eyes;
    const other = tests.find((t) => t.ok && t.seriesInstanceUid !== selectedSeries && t.test.eye !== eye);
    if (other) shown.push(other);
  }
  const order = (t: ReadTest) => (t.ok ? (t.test.eye === 'L' ? 0 : 1) : 2);
  return { shown: shown.sort((a, b) => order(a) - order(b)), empty: false };
}
