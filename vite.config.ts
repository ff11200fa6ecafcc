import { viteCommonjs } from '@originjs/vite-plugin-commonjs';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);

/** Where the dev server forwards the gateway's routes (`npm run dev` sets it; point it at a PACS to skip the gateway). */
const gatewayUrl = process.env.FOVEA_GATEWAY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    // Cornerstone's codec packages ship CommonJS wrappers that the dev server cannot load as ES modules.
    viteCommonjs(),
  ],
  resolve: {
    alias: [
      // vtk.js pulls in xmlbuilder2, which extends Node's EventEmitter; without the browser polyfill the
      // built bundle fails at start-up with "Class extends value undefined".
      { find: 'events', replacement: require.resolve('events/') },
      // Surface meshes (.vtp) are not part of Fovea; their reader brought an XML DOM into the image code.
      {
        find: /^@kitware\/vtk\.js\/IO\/XML\/XMLPolyDataReader\.js$/,
        replacement: fileURLToPath(new URL('./src/viewer/noSurfaceMeshReader.ts', import.meta.url)),
      },
    ],
  },
  // Cornerstone's decoder runs in module workers (`new Worker(new URL(…), { type: 'module' })`).
  worker: { format: 'es' },
  optimizeDeps: {
    // Pre-bundling would break the loader's worker URL, which is relative to its own module.
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: ['dicom-parser'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The viewer chunk is large by nature (Cornerstone + vtk.js); it is loaded only on the viewer route.
    chunkSizeWarningLimit: 6000,
  },
  server: {
    proxy: {
      '/dicom-web': { target: gatewayUrl, changeOrigin: true },
      '/api': { target: gatewayUrl, changeOrigin: true },
      '/healthz': { target: gatewayUrl, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/dicom-web': { target: gatewayUrl, changeOrigin: true },
      '/api': { target: gatewayUrl, changeOrigin: true },
      '/healthz': { target: gatewayUrl, changeOrigin: true },
    },
  },
});
