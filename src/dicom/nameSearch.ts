import type { NameComponents, PersonName } from './personName';

/** Letters that Unicode does not decompose into a base letter and a mark, spelled as people type them. */
const NO_DECOMPOSITION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Text as a search compares it: lower case, accents and other combining marks removed ("Müller" →
 * "muller", "Nguyễn" → "nguyen", "Παπαδοπούλου" → "παπαδοπουλου"), ß/æ/ø… spelled out.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => NO_DECOMPOSITION[letter] ?? letter);
}

/** The words of what a user typed into a name field: "DOE, Jane" → ["doe", "jane"]. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[\s,^=]+/)
    .filter(Boolean);
}

const groupText = (c: NameComponents) =>
  foldForSearch([c.family, c.given, c.middle, c.prefix, c.suffix].join(' '));

/**
 * Whether a name holds every typed word, in any order, as the start or inside of its words — within
 * one of its component groups, so "山田" finds the ideographic form and "yamada" the alphabetic one.
 */
export function personNameMatches(name: PersonName, text: string): boolean {
  const words = searchWords(text);
  if (words.length === 0) return true;
  return [name.alphabetic, name.ideographic, name.phonetic].some(
    (group) => group !== undefined && words.every((word) => groupText(group).includes(word)),
  );
}

/**
 * Latin letters that names also carry with diacritics (ä á à â ã å ą, ç č ć, é è ê ë ě ę, ñ ń ň, ö ó ô õ,
 * š ś ş, ü ú ù û ů, ý ÿ, ž ź ż, í ì î ï): an archive that compares bytes would miss "Müller" for "muller".
 */
const MAY_CARRY_DIACRITIC = new Set([...'aceinosuyz']);

/**
 * A PN matching pattern (PS3.4 C.2.2.2.4) that an archive comparing bytes, without folding case or
 * accents, can still answer without missing a name the typed text should find: the most selective word,
 * with each letter that might be written accented, and every character outside ASCII, left to a
 * wildcard ("muller" → "*m*ll*r*"). The answer is then narrowed with `personNameMatches`. Undefined
 * when nothing selective is left (a word in Greek, Hebrew, kanji…): the search then asks for every
 * name and narrows it all on this side.
 */
export function broadNamePattern(text: string): string | undefined {
  const patterns = searchWords(text).map((word) =>
    [...word]
      .map((char) => (/[a-z0-9'-]/.test(char) && !MAY_CARRY_DIACRITIC.has(char) ? char : '*'))
      .join('')
      .replace(/\*+/g, '*')
      .replace(/^\*|\*$/g, ''),
  );
  // The word that keeps the most letters narrows the answer most.
  const literal = (pattern: string) => pattern.replaceAll('*', '').length;
  const best = patterns.reduce((a, b) => (literal(b) > literal(a) ? b : a), '');
  return best ? `*${best}*` : undefined;
}
