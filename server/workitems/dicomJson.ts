/** DICOM JSON (PS3.18 F.2) as the gateway writes it. */
export interface DicomJsonAttribute {
  vr: string;
  Value?: unknown[];
}
export type DicomJsonObject = Record<string, DicomJsonAttribute>;

export function attr(vr: string, value: unknown): DicomJsonAttribute {
  if (value === undefined || value === null || value === '') return { vr };
  return { vr, Value: Array.isArray(value) ? value : [value] };
}

/** PN as DICOM JSON: the "=" separated groups become Alphabetic / Ideographic / Phonetic. */
export function personName(value: string | undefined): DicomJsonAttribute {
  if (!value) return { vr: 'PN' };
  const [alphabetic, ideographic, phonetic] = value.split('=');
  const name: Record<string, string> = {};
  if (alphabetic) name.Alphabetic = alphabetic;
  if (ideographic) name.Ideographic = ideographic;
  if (phonetic) name.Phonetic = phonetic;
  return { vr: 'PN', Value: [name] };
}

export function code(
  value: string | undefined,
  scheme: string,
  meaning: string | undefined,
): DicomJsonObject[] {
  if (!value) return [];
  return [
    {
      '00080100': attr('SH', value),
      '00080102': attr('SH', scheme),
      '00080104': attr('LO', meaning ?? value),
    },
  ];
}

export function sequence(items: DicomJsonObject[]): DicomJsonAttribute {
  return items.length ? { vr: 'SQ', Value: items } : { vr: 'SQ' };
}
