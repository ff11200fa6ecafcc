import { describe, expect, it } from 'vitest';
import { broadNamePattern, foldForSearch, personNameMatches, searchWords } from './nameSearch';
import { parsePersonName } from './personName';

/** Whether a DICOM PN pattern (* and ?) matches a value byte for byte, as a strict archive compares. */
function strictMatch(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(value);
}

describe('foldForSearch', () => {
  it('sets case, accents and marks aside, in every script', () => {
    expect(foldForSearch('Müller')).toBe('muller');
    expect(foldForSearch('Nguyễn Thị')).toBe('nguyen thi');
    expect(foldForSearch('Παπαδοπούλου')).toBe('παπαδοπουλου');
    expect(foldForSearch('Straße Øster Łódź')).toBe('strasse oster lodz');
    expect(foldForSearch('山田')).toBe('山田');
  });

  it('splits typed text into words at spaces, commas and PN delimiters', () => {
    expect(searchWords(' DOE, Jane ')).toEqual(['doe', 'jane']);
    expect(searchWords('doe^jane')).toEqual(['doe', 'jane']);
  });
});

describe('personNameMatches', () => {
  const mueller = parsePersonName('Müller^Jürgen');
  const yamada = parsePersonName('Yamada^Tarou=山田^太郎=やまだ^たろう');

  it('finds every word, in any order, inside the words of the name', () => {
    expect(personNameMatches(mueller, 'muller')).toBe(true);
    expect(personNameMatches(mueller, 'jürgen MÜLL')).toBe(true);
    expect(personNameMatches(mueller, 'ller')).toBe(true);
    expect(personNameMatches(mueller, 'muller anna')).toBe(false);
  });

  it('looks in each component group: ideographic and phonetic too', () => {
    expect(personNameMatches(yamada, '山田')).toBe(true);
    expect(personNameMatches(yamada, 'たろう')).toBe(true);
    expect(personNameMatches(yamada, 'yamada 太郎')).toBe(false); // two groups, not one name
    expect(personNameMatches(parsePersonName('Papadopoulou^Eleni=Παπαδοπούλου^Ελένη'), 'παπαδ')).toBe(true);
  });

  it('matches everything for blank text', () => {
    expect(personNameMatches(mueller, '  ')).toBe(true);
  });
});

describe('broadNamePattern', () => {
  it('leaves letters that may be accented, and all non-ASCII, to wildcards', () => {
    expect(broadNamePattern('muller')).toBe('*m*ll*r*');
    expect(broadNamePattern('Müller')).toBe('*m*ll*r*');
    expect(broadNamePattern('doe jane')).toBe('*d*');
    expect(broadNamePattern('jane smith')).toBe('*m*th*');
  });

  it('asks for every name when no selective letter is left', () => {
    expect(broadNamePattern('Παπαδ')).toBeUndefined();
    expect(broadNamePattern('山田')).toBeUndefined();
    expect(broadNamePattern('ae')).toBeUndefined();
  });

  it('never misses a name that the typed text finds', () => {
    const names = [
      'Müller^Jürgen',
      'Muller^Jurgen',
      'García Márquez^José Luis',
      'Nguyễn^Thị Lan',
      "O'Brien^Siobhán",
    ];
    const typed = [
      'muller',
      'MÜLLER jürgen',
      'garcia',
      'marquez jose',
      'nguyen',
      'thi lan',
      "o'brien",
      'siobhan',
    ];
    for (const text of typed) {
      const pattern = broadNamePattern(text);
      for (const name of names) {
        if (!personNameMatches(parsePersonName(name), text)) continue;
        expect(
          pattern === undefined || strictMatch(pattern, name.replace(/\^/g, ' ')),
          `${text} → ${name}`,
        ).toBe(true);
      }
    }
  });
});
