import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TAGS, tagOf, type Keyword } from './tags';

interface DictionaryEntry {
  tag: string;
  name: string;
}

// dcmjs ships no type declarations; its dictionary is read untyped, as test data.
const dcmjs = createRequire(import.meta.url)('dcmjs') as {
  data: { DicomMetaDictionary: { nameMap: Record<string, DictionaryEntry> } };
};
const nameMap = dcmjs.data.DicomMetaDictionary.nameMap;

describe('TAGS', () => {
  it.each(Object.entries(TAGS))('%s is %s in the DICOM dictionary', (keyword, tag) => {
    const entry = nameMap[keyword];
    expect(entry, `${keyword} is not a DICOM keyword`).toBeDefined();
    expect(entry!.tag.replace(/[(),]/g, '').toUpperCase()).toBe(tag);
  });
});

describe('tagOf', () => {
  it('maps a keyword to its tag', () => {
    expect(tagOf('PatientName')).toBe('00100010');
  });

  it('accepts a hex tag in either case', () => {
    expect(tagOf('0020000d')).toBe('0020000D');
  });

  it('rejects what is neither', () => {
    expect(() => tagOf('0010' as Keyword)).toThrow(/Not a DICOM keyword or tag/);
  });
});
