import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY } from './dictionary';

/** dcmtk's data dictionary (PS3.6 and PS3.7 as of its release), wherever this machine installed it. */
function dcmtkDictionary(): string {
  const candidates = [
    '/usr/share/libdcmtk17/dicom.dic',
    '/usr/share/libdcmtk16/dicom.dic',
    '/usr/share/dcmtk/dicom.dic',
  ];
  const found = candidates.find((path) => existsSync(path));
  if (found) return readFileSync(found, 'latin1');
  const listed = execFileSync(
    'sh',
    ['-c', 'dpkg -L $(dpkg -S dicom.dic | cut -d: -f1 | head -1) | grep "/dicom.dic$"'],
    {
      encoding: 'utf8',
    },
  ).trim();
  return readFileSync(listed, 'latin1');
}

describe('the attribute dictionary', () => {
  const reference = new Map<string, { tag: number; vr: string }>();
  for (const line of dcmtkDictionary().split('\n')) {
    const match = /^\(([0-9A-F]{4}),([0-9A-F]{4})\)\t(\S+)\t(\S+)\t/i.exec(line);
    if (match) reference.set(match[4]!, { tag: parseInt(match[1]! + match[2]!, 16), vr: match[3]! });
  }

  it.each(Object.entries(DICTIONARY))(
    '%s has the tag and VR of the DICOM dictionary',
    (keyword, [tag, vr]) => {
      expect(reference.get(keyword)).toEqual({ tag, vr });
    },
  );
});
