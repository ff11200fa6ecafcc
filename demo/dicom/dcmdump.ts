import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// dcmtk's dcmdump is the independent reader the demo files are checked with: if dcmtk reads back what
// the writer meant, so will the PACS and the viewer.

const run = promisify(execFile);

export interface DumpedElement {
  /** Nesting depth: 0 for the dataset (and file meta), 1 inside a sequence item, … */
  depth: number;
  tag: string; // "gggg,eeee", lower case as dcmdump prints it
  vr: string;
  /** The value as text: strings without brackets, numbers joined with "\". */
  value: string;
  keyword: string;
}

/** Runs dcmdump on a file; element values affected by the character set come back in UTF-8. */
export async function dcmdump(file: string, ...options: string[]): Promise<string> {
  const { stdout, stderr } = await run('dcmdump', ['-Un', '+U8', '+L', ...options, file], {
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  const warnings = stderr.toString('utf8').trim();
  if (warnings) throw new Error(`dcmdump ${file}: ${warnings}`);
  return stdout.toString('utf8');
}

const LINE = /^( *)\(([0-9a-f]{4}),([0-9a-f]{4})\) (\w\w) (.*?) +# +[\du/l]+, *\d+ +(\S+)$/;

/** The elements of a dump, in file order; sequence and item markers are left out. */
export function parseDump(text: string): DumpedElement[] {
  const out: DumpedElement[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, indent = '', group, element, vr = '', raw = '', keyword = ''] = match;
    if (vr === 'na' || raw.startsWith('(Sequence') || raw.startsWith('(Item')) continue;
    let value = raw.trim();
    if (value === '(no value available)') value = '';
    else if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
    out.push({ depth: indent.length / 2, tag: `${group},${element}`, vr, value, keyword });
  }
  return out;
}

/** Dumps and parses a file. */
export async function readElements(file: string, ...options: string[]): Promise<DumpedElement[]> {
  return parseDump(await dcmdump(file, ...options));
}

/** Values of every element with this keyword, in file order (sequence items included). */
export function valuesOf(elements: DumpedElement[], keyword: string): string[] {
  return elements.filter((e) => e.keyword === keyword).map((e) => e.value);
}

/** The only value of a keyword; fails if it is missing or repeated. */
export function valueOf(elements: DumpedElement[], keyword: string): string {
  const values = valuesOf(elements, keyword);
  if (values.length !== 1) throw new Error(`${keyword}: expected one value, found ${values.length}`);
  return values[0]!;
}
