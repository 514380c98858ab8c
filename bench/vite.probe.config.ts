import { defineConfig } from 'vite';

// Builds the benchmark probes as ES modules into dist/bench/, next to the app.
export default defineConfig({
  build: {
    outDir: 'dist/bench',
    emptyOutDir: true,
    lib: { entry: { lookupProbe: 'bench/lookupProbe.ts', syncProbe: 'bench/syncProbe.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
  },
});
