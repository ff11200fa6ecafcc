// `npm start`: the embedded Orthanc with demo data, the built app and the gateway, on loopback.
import { buildGateway, listen } from '../server/app';
import { readGatewayConfig } from '../server/config';
import { ensureAppBuilt } from './lib/build';
import { startStack } from './lib/stack';

await startStack('start', async ({ pacsEnv, supervisor, log }) => {
  ensureAppBuilt(log);
  const config = readGatewayConfig({ ...process.env, ...pacsEnv });
  const app = await buildGateway(config);
  supervisor.onStop(() => app.close());
  const url = await listen(app, config);
  log(`\nFovea is ready: ${url}\nPress Ctrl-C to stop.`);
});
