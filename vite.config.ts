import { viteCommonjs } from '@originjs/vite-plugin-commonjs';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Where the dev server forwards the gateway's routes (`npm run dev` sets it; point it at a PACS to skip the gateway). */
const gatewayUrl = process.env.FOVEA_GATEWAY_URL ?? 'http://127.0.0.1:8080';

/**
 * The app's code (src/app/start.tsx) is imported by main.tsx once the page's first requests are out;
 * the page fetches and compiles it meanwhile, beside main.tsx, without evaluating it.
 */
function preloadAppCode(entry: string): Plugin {
  let base = '/';
  return {
    name: 'fovea:preload-app-code',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) =>
            output.type === 'chunk' &&
            output.isDynamicEntry &&
            output.moduleIds.some((id) => id.endsWith(entry)),
        );
        if (chunk?.type !== 'chunk') throw new Error(`no chunk was built for ${entry}`);
        const href = (file: string) => `${base}${file}`;
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: href(chunk.fileName) } },
          ...[...(chunk.viteMetadata?.importedCss ?? [])].map((css) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: href(css) },
          })),
        ].map((tag) => ({ ...tag, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    preloadAppCode('/src/app/start.tsx'),
    // Cornerstone's codec packages ship CommonJS wrappers that the dev server cannot load as ES modules.
    viteCommonjs(),
  ],
  resolve: {
    dedupe: ['dcmjs'],
    alias: [
      // vtk.js pulls in xmlbuilder2, which extends Node's EventEmitter; without the browser polyfill the
      // built bundle fails at start-up with "Class extends value undefined".
      { find: 'events', replacement: require.resolve('events/') },
      // Cornerstone draws through vtk.js's WebGL back end only; its rendering profiles would also register
      // the WebGPU back end, which nothing here ever creates.
      {
        find: /^@kitware\/vtk\.js\/Rendering\/Profiles\/(Volume|Geometry)\.js$/,
        replacement: '@kitware/vtk.js/Rendering/OpenGL/Profiles/$1.js',
      },
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
