// `npm run dev`: like `npm start`, but Vite's dev server (hot reload) serves the app and forwards the
// gateway's routes to the gateway.
import { buildGateway, listen } from '../server/app';
import { readGatewayConfig } from '../server/config';
import { startStack } from './lib/stack';

await startStack('dev', async ({ settings, pacsEnv, supervisor, log }) => {
  const config = readGatewayConfig({ ...process.env, ...pacsEnv });
  const app = await buildGateway(config, { serveApp: false });
  supervisor.onStop(() => app.close());
  const gatewayUrl = await listen(app, config);
  const vite = supervisor.spawn(
    'node_modules/.bin/vite',
    ['--host', '127.0.0.1', '--port', String(settings.devPort), '--strictPort', '--clearScreen', 'false'],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FOVEA_GATEWAY_URL: gatewayUrl } },
  );
  vite.once('exit', (code) => {
    console.error(`The Vite dev server stopped (exit code ${code}). Stopping Fovea.`);
    void supervisor.stopAll().then(() => process.exit(1));
  });
  log(
    `\nFovea (development) is ready: http://127.0.0.1:${settings.devPort}  (gateway ${gatewayUrl})\nPress Ctrl-C to stop.`,
  );
});
