import { describe, expect, it } from 'vitest';
import { formatPersonName, parsePersonName } from './personName';

const format = (value: Parameters<typeof parsePersonName>[0]) => formatPersonName(parsePersonName(value));

describe('formatPersonName', () => {
  it('writes the family name in capitals before the given names', () => {
    expect(format({ Alphabetic: 'Doe^Jane' })).toBe('DOE, Jane');
    expect(format('Doe^Jane^Anne')).toBe('DOE, Jane Anne');
  });

  it('keeps accents and places prefix and suffix', () => {
    expect(format({ Alphabetic: 'Müller^Jürgen^^Dr.' })).toBe('MÜLLER, Dr. Jürgen');
    expect(format({ Alphabetic: 'Smith^John^^^Jr.' })).toBe('SMITH, John, Jr.');
  });

  it('copes with a family name or given name alone', () => {
    expect(format({ Alphabetic: 'Doe' })).toBe('DOE');
    expect(format({ Alphabetic: '^Jane' })).toBe('Jane');
  });

  it('adds the ideographic form in parentheses', () => {
    expect(format({ Alphabetic: 'Yamada^Tarō', Ideographic: '山田^太郎', Phonetic: 'やまだ^たろう' })).toBe(
      'YAMADA, Tarō (山田 太郎)',
    );
    expect(format('Yamada^Tarou=山田^太郎=やまだ^たろう')).toBe('YAMADA, Tarou (山田 太郎)');
  });

  it('isolates a right-to-left form so that it keeps its place', () => {
    expect(format({ Alphabetic: 'Cohen^David', Ideographic: 'כהן^דוד' })).toBe(
      'COHEN, David (\u2068כהן דוד\u2069)',
    );
    expect(format({ Alphabetic: 'Ivanov^Sergei', Ideographic: 'Иванов^Сергей' })).toBe(
      'IVANOV, Sergei (Иванов Сергей)',
    );
  });

  it('shows the ideographic or phonetic form when there is no alphabetic one', () => {
    expect(format('=山田^太郎')).toBe('山田 太郎');
    expect(format({ Phonetic: 'やまだ^たろう' })).toBe('やまだ たろう');
  });

  it('ignores empty component groups and stray spaces', () => {
    expect(format({ Alphabetic: ' Doe ^ Jane ', Ideographic: '^', Phonetic: '^' })).toBe('DOE, Jane');
    expect(format({ Alphabetic: 'Van  der Berg^Anna' })).toBe('VAN DER BERG, Anna');
  });

  it('is empty for an absent or empty name', () => {
    expect(format(undefined)).toBe('');
    expect(format({})).toBe('');
    expect(format('^^^^')).toBe('');
  });
});
