import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const aeTitle = z
  .string()
  .regex(/^[\x20-\x5b\x5d-\x7e]{1,16}$/, 'an AE title: 1 to 16 characters, no backslash');

/** Environment variables read by the gateway; each one is documented in README.md. */
export const gatewayEnvSchema = z.object({
  FOVEA_HOST: z.string().min(1).default('127.0.0.1'),
  FOVEA_PORT: port.default(8080),
  FOVEA_PACS_URL: z.url({ protocol: /^https?$/ }),
  FOVEA_PACS_USERNAME: z.string().optional(),
  FOVEA_PACS_PASSWORD: z.string().optional(),
  FOVEA_PACS_AUTHORIZATION: z.string().optional(),
  FOVEA_PACS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  FOVEA_FRAME_ANCESTORS: z
    .string()
    .regex(/^[^;,]+$/, 'a space-separated list of origins, without ";" or ","')
    .default("'self'"),
  FOVEA_MWL_ORTHANC_URL: z.url({ protocol: /^https?$/ }).optional(),
  FOVEA_MWL_ORTHANC_MODALITY: z.string().min(1).default('fovea-mwl'),
  FOVEA_MWL_ORTHANC_AUTHORIZATION: z.string().optional(),
  FOVEA_EVENTS_ORTHANC_URL: z.url({ protocol: /^https?$/ }).optional(),
  FOVEA_EVENTS_ORTHANC_AUTHORIZATION: z.string().optional(),
  FOVEA_MWL_HOST: z.string().min(1).optional(),
  FOVEA_MWL_PORT: port.default(104),
  FOVEA_MWL_CALLED_AET: aeTitle.default('ANY-SCP'),
  FOVEA_MWL_CALLING_AET: aeTitle.default('FOVEA'),
  // Orthanc's worklist plugin reads every order file on each query: a day of 5,000 orders takes
  // 5–11 s on a small server, which 10 s turned into 504s and retries that started the same work
  // again. 30 s stays well inside the page's own 60 s request limit.
  FOVEA_MWL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  FOVEA_APP_DIR: z.string().min(1).default('dist'),
  FOVEA_APP_CONFIG: z.string().optional(),
  FOVEA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface GatewayConfig {
  host: string;
  port: number;
  pacs: {
    /** The PACS's DICOMweb root, e.g. http://127.0.0.1:8042/dicom-web */
    url: URL;
    /** Authorization header the gateway sends to the PACS, if any. */
    authorization: string | undefined;
    timeoutMs: number;
  };
  /**
   * Modality worklist behind /dicom-web/workitems: queried through an Orthanc's REST API, or straight
   * over DICOM (C-FIND); absent when the PACS serves UPS-RS itself.
   */
  worklist:
    | {
        kind: 'orthanc';
        orthancUrl: string;
        modality: string;
        authorization: string | undefined;
        timeoutMs: number;
      }
    | { kind: 'dimse'; host: string; port: number; calledAet: string; callingAet: string; timeoutMs: number }
    | undefined;
  /**
   * The Orthanc whose change feed (`/changes`) drives /api/events; the gateway checks at the first
   * client that it is one, and tells the app to poll when it is not.
   */
  events: { orthancUrl: string; authorization: string | undefined } | undefined;
  frameAncestors: string;
  appDir: string;
  appConfigFile: string | undefined;
  logLevel: string;
}

export class ConfigError extends Error {}

/** Reads and validates the gateway's environment; a bad value names its variable. */
export function readGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = gatewayEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid gateway configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const basic =
    e.FOVEA_PACS_USERNAME !== undefined
      ? `Basic ${Buffer.from(`${e.FOVEA_PACS_USERNAME}:${e.FOVEA_PACS_PASSWORD ?? ''}`).toString('base64')}`
      : undefined;
  return {
    host: e.FOVEA_HOST,
    port: e.FOVEA_PORT,
    pacs: {
      url: new URL(e.FOVEA_PACS_URL.replace(/\/+$/, '')),
      authorization: e.FOVEA_PACS_AUTHORIZATION ?? basic,
      timeoutMs: e.FOVEA_PACS_TIMEOUT_MS,
    },
    // A worklist SCP named by host is the clinic's own RIS: it wins over the embedded Orthanc's.
    worklist: e.FOVEA_MWL_HOST
      ? {
          kind: 'dimse',
          host: e.FOVEA_MWL_HOST,
          port: e.FOVEA_MWL_PORT,
          calledAet: e.FOVEA_MWL_CALLED_AET,
          callingAet: e.FOVEA_MWL_CALLING_AET,
          timeoutMs: e.FOVEA_MWL_TIMEOUT_MS,
        }
      : e.FOVEA_MWL_ORTHANC_URL
        ? {
            kind: 'orthanc',
            orthancUrl: e.FOVEA_MWL_ORTHANC_URL,
            modality: e.FOVEA_MWL_ORTHANC_MODALITY,
            authorization: e.FOVEA_MWL_ORTHANC_AUTHORIZATION,
            timeoutMs: e.FOVEA_MWL_TIMEOUT_MS,
          }
        : undefined,
    events: eventsSource(e.FOVEA_EVENTS_ORTHANC_URL, e.FOVEA_EVENTS_ORTHANC_AUTHORIZATION, e.FOVEA_PACS_URL, {
      authorization: e.FOVEA_PACS_AUTHORIZATION ?? basic,
    }),
    frameAncestors: e.FOVEA_FRAME_ANCESTORS.trim(),
    appDir: e.FOVEA_APP_DIR,
    appConfigFile: e.FOVEA_APP_CONFIG,
    logLevel: e.FOVEA_LOG_LEVEL,
  };
}

/**
 * Where the change feed is read: the Orthanc named explicitly, else the REST root of an Orthanc-style
 * PACS URL (Orthanc serves DICOMweb at `{root}/dicom-web`), with the PACS's credentials.
 */
function eventsSource(
  explicitUrl: string | undefined,
  explicitAuthorization: string | undefined,
  pacsUrl: string,
  pacs: { authorization: string | undefined },
): GatewayConfig['events'] {
  if (explicitUrl) {
    return { orthancUrl: explicitUrl.replace(/\/+$/, ''), authorization: explicitAuthorization };
  }
  const url = new URL(pacsUrl.replace(/\/+$/, ''));
  if (!/\/dicom-web$/i.test(url.pathname)) return undefined;
  url.pathname = url.pathname.replace(/\/dicom-web$/i, '');
  return { orthancUrl: url.href.replace(/\/+$/, ''), authorization: pacs.authorization };
}
