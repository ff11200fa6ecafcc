import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { OPV_TAGS } from './opvTags';

interface DictionaryEntry {
  tag: string;
  vr: string;
}

// dcmjs ships no type declarations; its dictionary is read untyped, as test data.
const dcmjs = createRequire(import.meta.url)('dcmjs') as {
  data: { DicomMetaDictionary: { nameMap: Record<string, DictionaryEntry> } };
};
const nameMap = dcmjs.data.DicomMetaDictionary.nameMap;

/** dcmtk's dictionary, keyword → [tag, VR], when the Debian package is installed. */
function dcmtkDictionary(): Map<string, [string, string]> | undefined {
  let text: string;
  try {
    text = readFileSync('/usr/share/libdcmtk17/dicom.dic', 'latin1');
  } catch {
    return undefined;
  }
  const entries = new Map<string, [string, string]>();
  for (const line of text.split('\n')) {
    const match = /^\(([0-9A-F]{4}),([0-9A-F]{4})\)\s+(\S+)\s+(\S+)/.exec(line);
    if (match) entries.set(match[4]!, [`${match[1]}${match[2]}`, match[3]!]);
  }
  return entries;
}
const dcmtk = dcmtkDictionary();

describe('OPV_TAGS', () => {
  it.each(Object.entries(OPV_TAGS))(
    '%s has the tag and VR of the dcmjs dictionary',
    (keyword, { tag, vr }) => {
      const entry = nameMap[keyword];
      expect(entry, `${keyword} is not a DICOM keyword`).toBeDefined();
      expect(entry!.tag.replace(/[(),]/g, '').toUpperCase()).toBe(tag);
      expect(entry!.vr).toBe(vr);
    },
  );

  it.skipIf(!dcmtk)('agrees with dcmtk’s dicom.dic (skipped where dcmtk is not installed)', () => {
    for (const [keyword, { tag, vr }] of Object.entries(OPV_TAGS)) {
      expect(dcmtk!.get(keyword), keyword).toEqual([tag, vr]);
    }
  });
});
