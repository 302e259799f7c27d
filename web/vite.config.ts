import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into web/dist and served by the gateway at /. Hashed names under /assets/ are cached for a
// year; index.html is never cached.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
});
