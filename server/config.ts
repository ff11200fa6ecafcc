import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

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
  FOVEA_MWL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
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
  /** Modality worklist behind /dicom-web/workitems; absent when the PACS serves UPS-RS itself. */
  worklist:
    | { orthancUrl: string; modality: string; authorization: string | undefined; timeoutMs: number }
    | undefined;
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
    worklist: e.FOVEA_MWL_ORTHANC_URL
      ? {
          orthancUrl: e.FOVEA_MWL_ORTHANC_URL,
          modality: e.FOVEA_MWL_ORTHANC_MODALITY,
          authorization: e.FOVEA_MWL_ORTHANC_AUTHORIZATION,
          timeoutMs: e.FOVEA_MWL_TIMEOUT_MS,
        }
      : undefined,
    frameAncestors: e.FOVEA_FRAME_ANCESTORS.trim(),
    appDir: e.FOVEA_APP_DIR,
    appConfigFile: e.FOVEA_APP_CONFIG,
    logLevel: e.FOVEA_LOG_LEVEL,
  };
}
