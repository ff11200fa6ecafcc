import type { PersonNameJson } from './attributes';

/** One component group of a Person Name (PS3.5 6.2): family^given^middle^prefix^suffix. */
export interface NameComponents {
  family: string;
  given: string;
  middle: string;
  prefix: string;
  suffix: string;
}

export interface PersonName {
  alphabetic?: NameComponents;
  ideographic?: NameComponents;
  phonetic?: NameComponents;
}

function parseGroup(group: string | undefined): NameComponents | undefined {
  if (group === undefined) return undefined;
  const parts = group.split('^').map((p) => p.trim().replace(/\s+/g, ' '));
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = parts;
  if (!family && !given && !middle && !prefix && !suffix) return undefined;
  return { family, given, middle, prefix, suffix };
}

/** Parses a DICOM JSON Person Name, or a PN string with "=" between its component groups. */
export function parsePersonName(value: PersonNameJson | string | undefined): PersonName {
  if (value === undefined) return {};
  const groups =
    typeof value === 'string'
      ? (([a, i, p]) => ({ Alphabetic: a, Ideographic: i, Phonetic: p }))(value.split('='))
      : value;
  const name: PersonName = {};
  const alphabetic = parseGroup(groups.Alphabetic);
  const ideographic = parseGroup(groups.Ideographic);
  const phonetic = parseGroup(groups.Phonetic);
  if (alphabetic) name.alphabetic = alphabetic;
  if (ideographic) name.ideographic = ideographic;
  if (phonetic) name.phonetic = phonetic;
  return name;
}

/** "MÜLLER, Dr. Jürgen Karl, Jr.": family name in capitals so it cannot be mistaken for a given name. */
function formatWestern(c: NameComponents): string {
  const rest = [c.prefix, c.given, c.middle].filter(Boolean).join(' ');
  const family = c.family.toUpperCase();
  const main = family && rest ? `${family}, ${rest}` : family || rest;
  return c.suffix ? `${main}, ${c.suffix}` : main;
}

/** "山田 太郎": ideographic names are written family name first, without case or commas. */
function formatIdeographic(c: NameComponents): string {
  return [c.prefix, c.family, c.given, c.middle, c.suffix].filter(Boolean).join(' ');
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * A right-to-left name inside a left-to-right line is wrapped in Unicode isolates (FSI … PDI), so that
 * the parentheses and the order of the words stay where they belong.
 */
function isolateIfRightToLeft(text: string): string {
  return RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * A person's name as people read it: "DOE, Jane"; with an ideographic form when the archive has one,
 * "YAMADA, Tarō (山田 太郎)". Empty when the name is absent.
 */
export function formatPersonName(name: PersonName): string {
  const latin = name.alphabetic ? formatWestern(name.alphabetic) : '';
  const ideographic = name.ideographic ? formatIdeographic(name.ideographic) : '';
  if (latin && ideographic) return `${latin} (${isolateIfRightToLeft(ideographic)})`;
  if (latin || ideographic) return latin || ideographic;
  return name.phonetic ? formatIdeographic(name.phonetic) : '';
}
