import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dcmdump, parseDump, valueOf, valuesOf } from './dcmdump';
import { encodeDataset, formatDecimal, part10, UndefinedLengthSequence, type Dataset } from './writer';

const dir = mkdtempSync(join(tmpdir(), 'fovea-writer-'));
let n = 0;
/** Writes the dataset as a Part-10 file and returns its path and bytes. */
function write(dataset: Dataset): { file: string; bytes: Buffer } {
  const file = join(dir, `${++n}.dcm`);
  const bytes = part10({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    SOPInstanceUID: `1.2.3.${n}`,
    ...dataset,
  });
  writeFileSync(file, bytes);
  return { file, bytes };
}

/** The bytes of an element's value, found by its tag in an explicit VR little endian encoding. */
function valueBytes(bytes: Buffer, group: number, element: number): Buffer {
  const tag = Buffer.alloc(4);
  tag.writeUInt16LE(group, 0);
  tag.writeUInt16LE(element, 2);
  const at = bytes.indexOf(tag, 132);
  const vr = bytes.toString('latin1', at + 4, at + 6);
  if (['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR'].includes(vr))
    return bytes.subarray(at + 12, at + 12 + bytes.readUInt32LE(at + 8));
  return bytes.subarray(at + 8, at + 8 + bytes.readUInt16LE(at + 6));
}

describe('the DICOM writer', () => {
  it('writes a Part-10 file with preamble, DICM and a correct file meta group length', async () => {
    const { file, bytes } = write({ PatientID: 'X1' });
    expect(bytes.subarray(0, 128).every((b) => b === 0)).toBe(true);
    expect(bytes.toString('latin1', 128, 132)).toBe('DICM');
    // (0002,0000) UL, then the rest of group 0002: exactly that many bytes until the dataset's first tag.
    expect(bytes.readUInt16LE(132)).toBe(0x0002);
    expect(bytes.toString('latin1', 136, 138)).toBe('UL');
    const groupLength = bytes.readUInt32LE(140);
    expect(bytes.readUInt16LE(144 + groupLength)).toBe(0x0008);
    expect(bytes.readUInt16LE(144 + groupLength - 8 - 10)).toBe(0x0002); // the last meta element (0002,0013)
    const elements = parseDump(await dcmdump(file));
    expect(valueOf(elements, 'FileMetaInformationGroupLength')).toBe(String(groupLength));
    expect(valueOf(elements, 'TransferSyntaxUID')).toBe('1.2.840.10008.1.2.1');
    expect(valueOf(elements, 'MediaStorageSOPInstanceUID')).toBe(valueOf(elements, 'SOPInstanceUID'));
    // Read with and without trusting the group length: the same result.
    const read = (option: string) => execFileSync('dcmdump', ['-q', option, file], { encoding: 'utf8' });
    expect(read('-ml')).toBe(read('+ml'));
  });

  it('pads odd values to even length: NUL for UI and OB, space for text', () => {
    const { bytes } = write({
      StudyInstanceUID: '1.2.345', // 7 characters
      PatientID: 'ABC',
      StudyDescription: 'Chest',
      Modality: 'OPV',
      EncapsulatedDocument: new Uint8Array([1, 2, 3]),
    });
    expect([...valueBytes(bytes, 0x0020, 0x000d)]).toEqual([...Buffer.from('1.2.345\0', 'latin1')]);
    expect(valueBytes(bytes, 0x0010, 0x0020).toString('latin1')).toBe('ABC ');
    expect(valueBytes(bytes, 0x0008, 0x1030).toString('latin1')).toBe('Chest ');
    expect(valueBytes(bytes, 0x0008, 0x0060).toString('latin1')).toBe('OPV ');
    expect([...valueBytes(bytes, 0x0042, 0x0011)]).toEqual([1, 2, 3, 0]);
  });

  it('uses 4-byte lengths (with two reserved bytes) for OB, OW, SQ, UN, UT, UC and UR', () => {
    const { bytes } = write({
      PixelData: new Uint16Array([1, 2]),
      TextValue: 'a long text',
      RetrieveURL: 'https://example.org/dicom-web',
      ReferencedImageSequence: [{ ReferencedSOPInstanceUID: '1.2' }],
    });
    for (const [group, element, vr] of [
      [0x7fe0, 0x0010, 'OW'],
      [0x0040, 0xa160, 'UT'],
      [0x0008, 0x1190, 'UR'],
      [0x0008, 0x1140, 'SQ'],
    ] as const) {
      const tag = Buffer.alloc(4);
      tag.writeUInt16LE(group, 0);
      tag.writeUInt16LE(element, 2);
      const at = bytes.indexOf(tag, 132);
      expect(bytes.toString('latin1', at + 4, at + 6)).toBe(vr);
      expect(bytes.readUInt16LE(at + 6)).toBe(0);
    }
    // A short VR: 2-byte length right after the VR.
    const at = bytes.indexOf(Buffer.from([0x08, 0x00, 0x16, 0x00]), 132);
    expect(bytes.toString('latin1', at + 4, at + 6)).toBe('UI');
    expect(bytes.readUInt16LE(at + 6)).toBe('1.2.840.10008.5.1.4.1.1.7'.length + 1);
  });

  it('writes numbers, multiple values and binary data that dcmtk reads back', async () => {
    const { file } = write({
      SpecificCharacterSet: 'ISO_IR 192',
      Rows: 2,
      Columns: 2,
      BitsAllocated: 16,
      PixelRepresentation: 1,
      WindowCenter: [40, -600],
      WindowWidth: [400, 1500],
      WindowCenterWidthExplanation: ['SOFT TISSUE', 'LUNG'],
      ImagePositionPatient: [-178.85, 0.1 + 0.2, -125],
      InstanceNumber: 37,
      FrameIncrementPointer: 0x00181063,
      StimulusArea: 0.1452,
      PhysicalDeltaX: 0.03,
      PixelPaddingValue: -1000,
      ReferencedFrameNumber: [1, 2, 3],
      PixelData: new Int16Array([-1000, 0, 1, 2500]),
    });
    const elements = parseDump(await dcmdump(file));
    expect(valueOf(elements, 'WindowCenter')).toBe('40\\-600');
    expect(valueOf(elements, 'WindowCenterWidthExplanation')).toBe('SOFT TISSUE\\LUNG');
    expect(valueOf(elements, 'ImagePositionPatient')).toBe('-178.85\\0.3\\-125');
    expect(valueOf(elements, 'InstanceNumber')).toBe('37');
    expect(valueOf(elements, 'FrameIncrementPointer')).toBe('(0018,1063)');
    expect(Number(valueOf(elements, 'StimulusArea'))).toBeCloseTo(0.1452, 6);
    expect(valueOf(elements, 'PhysicalDeltaX')).toBe('0.03');
    // Pixel Padding Value takes SS when the pixels are signed.
    expect(elements.find((e) => e.keyword === 'PixelPaddingValue')).toMatchObject({
      vr: 'SS',
      value: '-1000',
    });
    expect(valueOf(elements, 'ReferencedFrameNumber')).toBe('1\\2\\3');
    expect(valueOf(elements, 'PixelData')).toBe('fc18\\0000\\0001\\09c4');
  });

  it("encodes text in the dataset's character set: UTF-8 (ISO_IR 192) and Latin-1 (ISO_IR 100)", async () => {
    const names = [
      'Yamada^Tarō=山田^太郎=やまだ^たろう',
      'Παπαδοπούλου^Ελένη',
      'Al-Hassan^Fatima=الحسن^فاطمة',
    ];
    for (const name of names) {
      const { file, bytes } = write({ SpecificCharacterSet: 'ISO_IR 192', PatientName: name });
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
      expect(valueOf(parseDump(await dcmdump(file)), 'PatientName')).toBe(name);
    }
    const { file, bytes } = write({
      SpecificCharacterSet: 'ISO_IR 100',
      PatientName: 'Müller^Jürgen',
      StudyDescription: 'Hélène',
    });
    expect(valueBytes(bytes, 0x0010, 0x0010)).toEqual(Buffer.from('Müller^Jürgen ', 'latin1'));
    expect(bytes.includes(Buffer.from('ü', 'utf8'))).toBe(false);
    const elements = parseDump(await dcmdump(file)); // +U8 converts to UTF-8 for reading
    expect(valueOf(elements, 'PatientName')).toBe('Müller^Jürgen');
    expect(valueOf(elements, 'StudyDescription')).toBe('Hélène');
  });

  it('encodes names in the single-byte ISO 8859 sets as dcmtk reads them', async () => {
    const cases: [string, string][] = [
      ['ISO_IR 126', 'Papadopoulou^Eleni=Παπαδοπούλου^Ελένη'],
      ['ISO_IR 144', 'Ivanov^Sergei=Иванов^Сергей'],
      ['ISO_IR 127', 'Al-Hassan^Fatima=الحسن^فاطمة'],
      ['ISO_IR 138', 'Cohen^David=כהן^דוד'],
    ];
    for (const [charset, name] of cases) {
      const { file, bytes } = write({ SpecificCharacterSet: charset, PatientName: name });
      expect(valueBytes(bytes, 0x0010, 0x0010).length).toBeLessThanOrEqual(name.length + 1);
      expect(valueOf(parseDump(await dcmdump(file)), 'PatientName')).toBe(name);
    }
  });

  // Debian's dcmtk converts through iconv, which it cannot use for ISO 2022 code extensions; glibc's
  // iconv decodes the same bytes directly (ISO-2022-JP; EUC-KR once the G1 designation is removed).
  it('encodes Japanese and Korean names with ISO 2022 code extensions that iconv decodes back', () => {
    const iconv = (bytes: Buffer, from: string) =>
      execFileSync('iconv', ['-f', from, '-t', 'UTF-8'], { input: bytes }).toString('utf8');
    const japanese = 'Yamada^Tarou=山田^太郎=やまだ^たろう';
    const jp = write({ SpecificCharacterSet: ['', 'ISO 2022 IR 87'], PatientName: japanese });
    expect(iconv(valueBytes(jp.bytes, 0x0010, 0x0010), 'ISO-2022-JP').trimEnd()).toBe(japanese);

    for (const korean of ['Hong^Gildong=洪^吉洞=홍^길동', 'Kim^Minjun=김^민준']) {
      const kr = valueBytes(
        write({ SpecificCharacterSet: ['', 'ISO 2022 IR 149'], PatientName: korean }).bytes,
        0x0010,
        0x0010,
      );
      const designations = kr.toString('latin1').split('\x1b$)C').length - 1;
      expect(designations).toBe(
        korean.split(/[=^]/).filter((part) => [...part].some((c) => c.codePointAt(0)! > 0x7f)).length,
      );
      const g1 = Buffer.from(kr.toString('latin1').replaceAll('\x1b$)C', ''), 'latin1');
      expect(iconv(g1, 'EUC-KR').trimEnd()).toBe(korean);
    }
  });

  it('writes Japanese as the standard example does (PS3.5 H.3.1): escapes around each kanji and kana run', () => {
    const { bytes } = write({
      SpecificCharacterSet: ['', 'ISO 2022 IR 87'],
      PatientName: 'Yamada^Tarou=山田^太郎=やまだ^たろう',
    });
    const esc = '\x1b';
    const expected = `Yamada^Tarou=${esc}$B;3ED${esc}(B^${esc}$BB@O:${esc}(B=${esc}$B$d$^$@${esc}(B^${esc}$B$?$m$&${esc}(B`;
    expect(valueBytes(bytes, 0x0010, 0x0010).toString('latin1').trimEnd()).toBe(expected);
  });

  it('refuses text its character set cannot hold', () => {
    expect(() => write({ SpecificCharacterSet: 'ISO_IR 100', PatientName: 'Иванов^Сергей' })).toThrow(
      /ISO_IR 100 cannot encode/,
    );
    expect(() => write({ SpecificCharacterSet: ['', 'ISO 2022 IR 87'], PatientName: 'Tarō' })).toThrow(
      /"ō", which ISO 2022 IR 87 cannot encode/,
    );
    expect(() => write({ PatientName: 'Müller' })).toThrow(/SpecificCharacterSet/);
    expect(() => write({ SpecificCharacterSet: 'ISO_IR 192', Modality: 'ÖP' })).toThrow(/ASCII/);
  });

  it('refuses values a VR cannot hold', () => {
    expect(() => write({ PatientID: 'A\\B' })).toThrow(/backslash/);
    expect(() => write({ Modality: 'A'.repeat(17) })).toThrow(/16 characters/);
    expect(() => write({ InstanceNumber: 1.5 })).toThrow(/integer/);
    expect(() => write({ Rows: 'many' })).toThrow(/numbers/);
    expect(() => write({ TransferSyntaxUID: '1.2' })).toThrow(/file meta/);
    expect(() => write({ SpecificCharacterSet: 'GB18030' })).toThrow(/not supported/);
  });

  it('writes sequences with explicit and with undefined length, items inheriting the character set', async () => {
    const { file, bytes } = write({
      SpecificCharacterSet: 'ISO_IR 100',
      ReferencedStudySequence: [{ ReferencedSOPClassUID: '1.2', ReferencedSOPInstanceUID: '1.2.3' }],
      RequestAttributesSequence: new UndefinedLengthSequence([
        { RequestedProcedureID: 'RP1', ScheduledProcedureStepDescription: 'Fundus, rétine' },
        {
          RequestedProcedureID: 'RP2',
          ScheduledProtocolCodeSequence: [{ CodeValue: 'X', CodeMeaning: 'Größe' }],
        },
      ]),
    });
    const text = await dcmdump(file);
    expect(text).toMatch(/\(0008,1110\) SQ \(Sequence with explicit length #=1\)/);
    expect(text).toMatch(/\(0040,0275\) SQ \(Sequence with undefined length #=2\)/);
    expect(text).toMatch(/\(fffe,e000\) na \(Item with undefined length #=2\)/);
    const at = bytes.indexOf(Buffer.from([0x40, 0x00, 0x75, 0x02]), 132);
    expect(bytes.readUInt32LE(at + 8)).toBe(0xffffffff);
    expect(bytes.subarray(-8)).toEqual(Buffer.from([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0])); // sequence delimitation
    const elements = parseDump(text);
    expect(valuesOf(elements, 'RequestedProcedureID')).toEqual(['RP1', 'RP2']);
    expect(valueOf(elements, 'ScheduledProcedureStepDescription')).toBe('Fundus, rétine');
    expect(valueOf(elements, 'CodeMeaning')).toBe('Größe');
    expect(elements.find((e) => e.keyword === 'CodeMeaning')?.depth).toBe(4);
  });

  it('writes empty (type 2) values and empty sequences', async () => {
    const { file } = write({
      AccessionNumber: '',
      ReferringPhysicianName: null,
      RefractiveStateSequence: [],
    });
    const text = await dcmdump(file);
    expect(text).toMatch(/\(0008,0050\) SH \(no value available\) +# +0, 0 AccessionNumber/);
    expect(text).toMatch(/\(0008,0090\) PN \(no value available\)/);
    expect(text).toMatch(/\(0022,001b\) SQ \(Sequence with explicit length #=0\)/);
  });

  it('orders attributes by tag whatever the order they are given in', () => {
    const bytes = encodeDataset({ PatientName: 'B', Modality: 'OT', AccessionNumber: 'A' });
    const tags: string[] = [];
    for (let at = 0; at < bytes.length; at += 8 + bytes.readUInt16LE(at + 6))
      tags.push(`${bytes.readUInt16LE(at).toString(16)},${bytes.readUInt16LE(at + 2).toString(16)}`);
    expect(tags).toEqual(['8,50', '8,60', '10,10']);
  });
});

describe('decimal strings', () => {
  it('fit in 16 characters and keep their value where they can', () => {
    expect(formatDecimal(0.7)).toBe('0.7');
    expect(formatDecimal(0.1 + 0.2)).toBe('0.3');
    expect(formatDecimal(-178.85)).toBe('-178.85');
    expect(formatDecimal(1 / 3).length).toBeLessThanOrEqual(16);
    expect(Number(formatDecimal(1 / 3))).toBeCloseTo(1 / 3, 12);
    expect(formatDecimal(1e-7).length).toBeLessThanOrEqual(16);
    expect(() => formatDecimal(Number.NaN)).toThrow();
  });
});
