import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into web/dist and served by the gateway at /. Hashed names under /assets/ are cached for a
// year; index.html is never cached.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    // React Aria ships its built-in strings in ~35 languages; keep the console's own (English now, Spanish and German next).
    { ...optimizeLocales.vite({ locales: ['en-GB', 'en-US', 'es-ES', 'de-DE'] }), enforce: 'pre' },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    // The map of Europe (world-atlas at 1:50m) is one large chunk, fetched only after the comparison is on screen.
    chunkSizeWarningLimit: 1000,
  },
});
