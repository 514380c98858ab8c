import { defineConfig } from 'vite';

// Builds bench/lookupProbe.ts as one ES module into dist/bench/, next to the app.
export default defineConfig({
  build: {
    outDir: 'dist/bench',
    emptyOutDir: true,
    lib: { entry: 'bench/lookupProbe.ts', formats: ['es'], fileName: () => 'lookupProbe.js' },
  },
});
