// Builds the till screen (src-renderer) into dist/renderer for both hosts: Electron loads it from app://,
// browser mode serves it from the HTTP host. Relative asset paths (base './'), no inline scripts or styles
// (the hosts send `script-src 'self'; style-src 'self'`), nothing fetched from another origin.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs into scripts/styles, and no module-preload polyfill (an inline script).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1', strictPort: true },
});
