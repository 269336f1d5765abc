import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm --filter @parcours/web build` writes services/web/dist, which the BFF serves (STATIC_DIR).
// In development `pnpm --filter @parcours/web dev` proxies the BFF's routes to port 3000.
const bff = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/auth', '/live', '/geo'].map((path) => [path, bff])),
  },
});
