/** The frames of a series as DICOMweb describes them, and the bytes they take once decoded. */
export interface SeriesFrames {
  /** Frame paths under the DICOMweb root, in instance-number order. */
  framePaths: string[];
  /** Decoded pixel bytes of the whole series (rows × columns × samples × bits allocated / 8 per frame). */
  pixelBytes: number;
}

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

const first = (instance: DicomJson, tag: string): unknown => instance[tag]?.Value?.[0];
const numberOf = (instance: DicomJson, tag: string, fallback?: number): number => {
  const value = Number(first(instance, tag) ?? fallback);
  if (!Number.isFinite(value)) throw new Error(`the series metadata lacks tag ${tag}`);
  return value;
};

/** Reads WADO-RS series metadata (DICOM JSON, PS3.18 F.2). */
export function framesFromMetadata(
  studyInstanceUid: string,
  seriesInstanceUid: string,
  metadata: readonly DicomJson[],
): SeriesFrames {
  const instances = [...metadata].sort((a, b) => numberOf(a, '00200013', 0) - numberOf(b, '00200013', 0));
  const framePaths: string[] = [];
  let pixelBytes = 0;
  for (const instance of instances) {
    const sop = first(instance, '00080018');
    if (typeof sop !== 'string')
      throw new Error('an instance in the series metadata has no SOP Instance UID');
    const frames = numberOf(instance, '00280008', 1);
    const frameBytes =
      numberOf(instance, '00280010') *
      numberOf(instance, '00280011') *
      numberOf(instance, '00280002', 1) *
      (numberOf(instance, '00280100') / 8);
    for (let frame = 1; frame <= frames; frame++) {
      framePaths.push(
        `/studies/${studyInstanceUid}/series/${seriesInstanceUid}/instances/${sop}/frames/${frame}`,
      );
    }
    pixelBytes += frames * frameBytes;
  }
  return { framePaths, pixelBytes };
}

export async function fetchSeriesFrames(
  dicomWebRoot: string,
  studyInstanceUid: string,
  seriesInstanceUid: string,
): Promise<SeriesFrames> {
  const url = `${dicomWebRoot}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/metadata`;
  const response = await fetch(url, { headers: { accept: 'application/dicom+json' } });
  if (!response.ok) throw new Error(`series metadata: HTTP ${response.status} from ${url}`);
  return framesFromMetadata(studyInstanceUid, seriesInstanceUid, (await response.json()) as DicomJson[]);
}
