// Runs the gateway alone, in front of any DICOMweb PACS: FOVEA_PACS_URL=… npx tsx server/main.ts
import { buildGateway, listen } from './app';
import { readGatewayConfig } from './config';

try {
  const config = readGatewayConfig(process.env);
  const app = await buildGateway(config);
  const url = await listen(app, config);
  console.info(`Fovea gateway is ready: ${url} (PACS: ${config.pacs.url.origin}${config.pacs.url.pathname})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(`Fovea gateway cannot start: ${(error as Error).message}`);
  process.exit(2);
}
