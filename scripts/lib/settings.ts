import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

/** Environment variables of `npm start` / `npm run dev` / `npm run seed` (the gateway reads its own too). */
const startEnvSchema = z.object({
  FOVEA_DATA_DIR: z.string().min(1).default('.fovea'),
  FOVEA_ORTHANC_HTTP_PORT: port.default(8742),
  FOVEA_ORTHANC_DICOM_PORT: port.default(4742),
  FOVEA_ORTHANC_AET: z
    .string()
    .regex(/^[A-Z0-9_ -]{1,16}$/i, 'an AE title: up to 16 letters, digits, spaces, "_" or "-"')
    .default('FOVEA'),
  FOVEA_PACS_URL: z.string().optional(),
  FOVEA_DEMO: z.enum(['0', '1']).default('1'),
  FOVEA_DEV_PORT: port.default(5173),
});

export type StartSettings = ReturnType<typeof readStartSettings>;

export function readStartSettings(env: Record<string, string | undefined>) {
  const parsed = startEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.FOVEA_DATA_DIR);
  return {
    dataDir,
    orthanc: {
      dataDir: resolve(dataDir, 'orthanc'),
      httpPort: e.FOVEA_ORTHANC_HTTP_PORT,
      dicomPort: e.FOVEA_ORTHANC_DICOM_PORT,
      aet: e.FOVEA_ORTHANC_AET,
    },
    demoCacheDir: resolve(dataDir, 'demo-cache'),
    /** Set when Fovea fronts an existing PACS: no embedded Orthanc, no demo data. */
    externalPacsUrl: e.FOVEA_PACS_URL,
    seedDemo: e.FOVEA_DEMO === '1',
    devPort: e.FOVEA_DEV_PORT,
  };
}
