// zod/mini rather than zod: the same validation at a fifth of the size in the first page's JavaScript.
import * as z from 'zod/mini';

const MiB = 1024 * 1024;

/** A DICOMweb root: an absolute http(s) URL or a path on the app's own origin ("/dicom-web"). */
const dicomWebRoot = (description: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.refine((value) => value.startsWith('/') || /^https?:\/\/[^/]/i.test(value), {
      message: 'must be a path starting with "/" or an http(s) URL',
    }),
    z.describe(description),
  );

const integer = (min: number, max: number, description: string) =>
  z.int().check(z.gte(min), z.lte(max), z.describe(description));

/**
 * `public/config.json`: Fovea's runtime configuration. An operator edits it on the server; the app
 * reads it at every start, so no rebuild is needed. Unknown keys are refused, so that a misspelt key
 * is reported instead of silently ignored. Every key except `dicomweb.qidoRoot` and
 * `dicomweb.wadoRoot` may be left out and then takes its default. Each key's `describe` text is its
 * documentation (`z.toJSONSchema(appConfigSchema)` lists them all with defaults and limits).
 */
export const appConfigSchema = z.strictObject({
  dicomweb: z
    .strictObject({
      qidoRoot: dicomWebRoot(
        'QIDO-RS root (searches), e.g. "/dicom-web" or "https://pacs.example.org/dicom-web"',
      ),
      wadoRoot: dicomWebRoot('WADO-RS root (metadata and frames), e.g. "/dicom-web"'),
      stowRoot: z._default(
        z.nullable(
          dicomWebRoot('STOW-RS root (storing attached reports), or null when the archive accepts none'),
        ),
        null,
      ),
      upsRoot: z._default(
        z.nullable(dicomWebRoot('UPS-RS root (worklist), or null when there is no worklist')),
        null,
      ),
      requestTimeoutMs: z._default(
        integer(1_000, 600_000, 'milliseconds to wait for an answer before counting the PACS as unreachable'),
        60_000,
      ),
    })
    .check(z.describe('where the DICOMweb services are; normally the gateway\'s own "/dicom-web"')),
  branding: z._default(
    z
      .strictObject({
        name: z._default(
          z
            .string()
            .check(
              z.trim(),
              z.minLength(1),
              z.maxLength(40),
              z.describe('name shown in the header and the browser tab'),
            ),
          'Fovea',
        ),
      })
      .check(z.describe('how the app names itself')),
    { name: 'Fovea' },
  ),
  studyList: z._default(
    z
      .strictObject({
        maxResults: z._default(
          integer(
            10,
            5_000,
            'studies per QIDO-RS request (limit); the list asks for the next page with offset',
          ),
          200,
        ),
      })
      .check(z.describe('the study list (/studies)')),
    { maxResults: 200 },
  ),
  worklist: z._default(
    z
      .strictObject({
        pollIntervalSeconds: z._default(
          integer(5, 3_600, 'seconds between two searches of the worklist for new orders (5 to 3 600)'),
          30,
        ),
      })
      .check(z.describe('the worklist (/)')),
    { pollIntervalSeconds: 30 },
  ),
  viewer: z._default(
    z
      .strictObject({
        cacheBytes: z._default(
          integer(64 * MiB, 16 * 1024 * MiB, 'bytes of decoded images kept in memory (64 MiB to 16 GiB)'),
          1024 * MiB,
        ),
        maxWebWorkers: z._default(integer(1, 16, 'web workers decoding images in parallel (1 to 16)'), 2),
        renderer: z._default(
          z
            .enum(['auto', 'webgl', 'cpu'])
            .check(
              z.describe(
                'how images are drawn: "auto" uses WebGL wherever the browser has it and the CPU where it is missing; "cpu" draws on the CPU, much faster where WebGL is emulated in software (no graphics card) but windowing before magnifying; "webgl" forces WebGL where the browser has it',
              ),
            ),
          'auto',
        ),
      })
      .check(z.describe('the image viewer')),
    { cacheBytes: 1024 * MiB, maxWebWorkers: 2, renderer: 'auto' },
  ),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** Why the configuration could not be used: a title and one line per problem, each naming its key. */
export interface ConfigProblem {
  title: string;
  problems: string[];
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problem: ConfigProblem };

function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

function isPresent(json: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let node: unknown = json;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return true;
}

/** An operator-facing sentence for one issue (zod/mini carries no message catalogue). */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string[] {
  const where = keyPath(issue.path) || '(the whole file)';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${keyPath([...issue.path, key])}: not a known setting (misspelt?)`);
    case 'invalid_type':
      if (!isPresent(json, issue.path)) return [`${where}: required`];
      return [`${where}: must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`];
    case 'invalid_value':
      return [`${where}: must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`];
    case 'too_small':
      return [
        `${where}: must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' character(s)' : ''}`,
      ];
    case 'too_big':
      return [
        `${where}: must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`,
      ];
    default:
      return [`${where}: ${issue.message}`];
  }
}

/** Validates parsed JSON; every problem names its key ("viewer.maxWebWorkers: …"). */
export function parseAppConfig(json: unknown, source = 'config.json'): ConfigResult {
  const parsed = appConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => describeIssue(issue, json));
  return { ok: false, problem: { title: `${source} has invalid settings`, problems } };
}

/** Fetches and validates the runtime configuration. */
export async function loadAppConfig(url: string, fetcher: typeof fetch = fetch): Promise<ConfigResult> {
  const failure = (title: string, problem: string): ConfigResult => ({
    ok: false,
    problem: { title, problems: [problem] },
  });
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-cache', headers: { accept: 'application/json' } });
  } catch (error) {
    return failure(`${url} could not be loaded`, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) return failure(`${url} could not be loaded`, `HTTP ${response.status}`);
  try {
    return parseAppConfig(JSON.parse(await response.text()), url);
  } catch (error) {
    return failure(`${url} is not valid JSON`, error instanceof Error ? error.message : String(error));
  }
}
