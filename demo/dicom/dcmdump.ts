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

/**
 * What glibc's iconv calls the bytes of a dump in an ISO 2022 code extension that Debian's dcmtk cannot
 * convert itself (its iconv mode has no code extensions); the G1 designation of KS X 1001 is dropped
 * first so that the rest reads as EUC-KR.
 */
const ICONV_FOR_CODE_EXTENSION: Record<string, { from: string; strip?: string }> = {
  'ISO 2022 IR 87': { from: 'ISO-2022-JP' },
  'ISO 2022 IR 149': { from: 'EUC-KR', strip: '\x1b$)C' },
};

/** Runs dcmdump on a file; element values affected by the character set come back in UTF-8. */
export async function dcmdump(file: string, ...options: string[]): Promise<string> {
  const dump = (extra: string[]) =>
    run('dcmdump', ['-Un', ...extra, '+L', ...options, file], {
      encoding: 'buffer',
      maxBuffer: 256 * 1024 * 1024,
    });
  // dcmdump exits non-zero when it cannot convert text; what it printed is still wanted then.
  const { stdout, stderr } = await dump(['+U8']).catch((error: { stdout?: Buffer; stderr?: Buffer }) => {
    if (!error.stderr) throw error;
    return { stdout: error.stdout ?? Buffer.alloc(0), stderr: error.stderr };
  });
  const warnings = stderr.toString('utf8').trim();
  const unsupported = /'(ISO 2022 IR \d+)' is not supported by the utilized character set conversion/.exec(
    warnings,
  );
  const iconv = unsupported ? ICONV_FOR_CODE_EXTENSION[unsupported[1]!] : undefined;
  if (iconv) {
    const raw = (await dump([])).stdout;
    const input = iconv.strip
      ? Buffer.from(raw.toString('latin1').replaceAll(iconv.strip, ''), 'latin1')
      : raw;
    return await new Promise<string>((resolve, reject) => {
      const child = execFile(
        'iconv',
        ['-f', iconv.from, '-t', 'UTF-8'],
        { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
        (error, out) => (error ? reject(error) : resolve(out.toString('utf8'))),
      );
      child.stdin!.end(input);
    });
  }
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
