import { getNumbers, getStrings, type DicomJsonDataset } from '../dicom';

/** A window the user can choose from the toolbar. */
export interface WindowPreset {
  label: string;
  center: number;
  width: number;
  /** file: Window Center/Width stored in the image; standard: Fovea's list for the modality. */
  source: 'file' | 'standard';
}

/** (0028,1055) Window Center & Width Explanation, checked against the dcmjs dictionary. */
const WINDOW_EXPLANATION = '00281055';

/**
 * Common CT windows as radiology references give them (W/L in HU): brain 80/40, lung 1500/−600,
 * bone 1800/400, abdomen (soft tissue) 400/50.
 */
export const CT_PRESETS: readonly WindowPreset[] = [
  { label: 'Brain', width: 80, center: 40, source: 'standard' },
  { label: 'Lung', width: 1500, center: -600, source: 'standard' },
  { label: 'Bone', width: 1800, center: 400, source: 'standard' },
  { label: 'Abdomen', width: 400, center: 50, source: 'standard' },
];

/** The windows stored in an image (Window Center/Width pairs), with their explanations where given. */
export function filePresets(dataset: DicomJsonDataset): WindowPreset[] {
  const centers = getNumbers(dataset, 'WindowCenter');
  const widths = getNumbers(dataset, 'WindowWidth');
  const explanations = getStrings(dataset, WINDOW_EXPLANATION);
  const presets: WindowPreset[] = [];
  centers.forEach((center, i) => {
    const width = widths[i] ?? widths[0];
    if (!Number.isFinite(center) || width === undefined || !(width >= 1)) return;
    const explanation = explanations[i]?.trim();
    presets.push({
      label: explanation || `Stored window ${i + 1}`,
      center,
      width,
      source: 'file',
    });
  });
  return presets;
}

/** The presets offered for an image, in menu (and 1–9 key) order: the file's first, then the standard ones. */
export function windowPresets(dataset: DicomJsonDataset, modality: string | undefined): WindowPreset[] {
  const stored = filePresets(dataset);
  const standard = modality === 'CT' ? CT_PRESETS : [];
  return [
    ...stored,
    ...standard.filter((s) => !stored.some((f) => f.center === s.center && f.width === s.width)),
  ];
}
