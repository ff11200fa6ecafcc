import { describe, expect, it } from 'vitest';
import { reportKindOf } from './reportKind';

describe('reportKindOf', () => {
  it('sends OPV to the visual-field report and encapsulated PDF to the PDF viewer', () => {
    expect(reportKindOf({ sopClassUid: '1.2.840.10008.5.1.4.1.1.80.1', modality: 'OPV' })).toBe(
      'visual-field',
    );
    expect(reportKindOf({ sopClassUid: '1.2.840.10008.5.1.4.1.1.104.1', modality: 'DOC' })).toBe('pdf');
  });

  it('falls back on the modality when the archive does not report the SOP class', () => {
    expect(reportKindOf({ modality: 'OPV' })).toBe('visual-field');
    expect(reportKindOf({ modality: 'DOC' })).toBe('pdf');
  });

  it('leaves images, photographs and other documents to the viewer', () => {
    expect(reportKindOf({ sopClassUid: '1.2.840.10008.5.1.4.1.1.77.1.5.1', modality: 'OP' })).toBeUndefined();
    expect(reportKindOf({ sopClassUid: '1.2.840.10008.5.1.4.1.1.104.2', modality: 'DOC' })).toBeUndefined();
    expect(reportKindOf({ modality: 'CT' })).toBeUndefined();
    expect(reportKindOf(undefined)).toBeUndefined();
  });
});
