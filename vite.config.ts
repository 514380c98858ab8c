import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The PWA: the service worker precaches the app shell, so after the first visit the
// app starts with no network, deep links included (navigateFallback), and the camera
// reads codes offline (the decoder's .wasm is precached). The API is never cached by
// the service worker: the device's data lives in IndexedDB, and a stale API answer
// would be a lie about the server.
//
// The precache is what every device downloads on install and on each update, often on
// a warehouse's bad Wi-Fi, so it has a budget and the build fails over it, naming the
// biggest files: growth is a decision. Two chunks are left out of it and cached by the
// service worker the first time they load instead:
// - zxing-fallback: the TypeScript ZXing engine (~445 KiB), loaded only by a browser
//   without WebAssembly (or where the .wasm is blocked); such a browser needs one camera
//   use online before its camera works offline; every other browser never loads it.
// - ConsoleScreen: the supervisor console, online only by nature (it shows the server's
//   state); once opened on a device it opens offline too.
// - DownloadScreen: the first download of a warehouse, online only by nature; it first
//   loads right after sign-in (online), and is served from that cache after.
const ON_DEMAND_CHUNKS = ['zxing-fallback', 'ConsoleScreen', 'DownloadScreen'];

/** 1.6 MB as the PWA plugin counts it when it prints the precache (KiB): 1,677,721 bytes. */
const PRECACHE_BUDGET_BYTES = Math.floor(1.6 * 1024 * 1024);

/** A Workbox manifest transform: the precache as it is, or an error if it is over `budget`. */
function keepWithinBudget(budget: number) {
  return <E extends { url: string; size: number }>(manifest: E[]) => {
    const total = manifest.reduce((sum, e) => sum + e.size, 0);
    if (total > budget) {
      const biggest = [...manifest].sort((a, b) => b.size - a.size).slice(0, 5).map((e) => `${e.url} ${(e.size / 1024).toFixed(1)} KiB`);
      throw new Error(`The precache is ${(total / 1024).toFixed(1)} KiB, over its budget of ${(budget / 1024).toFixed(1)} KiB (vite.config.ts). Biggest: ${biggest.join(', ')}.`);
    }
    return { manifest };
  };
}
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The web manifest is precached by the plugin itself, the small icon and the
      // favicon, the same 192 px PNG (the page links it), by the glob below; not the manifest's icons again.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Warehouse floor handheld',
        short_name: 'Handheld',
        description: 'Scan, pick, put away and count, with or without network.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#0b1f33',
        theme_color: '#0b1f33',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm}'],
        // The 512 px icons are for installing and the launcher: the browser fetches them
        // itself when the app is installed (online), and no page shows them.
        globIgnores: [...ON_DEMAND_CHUNKS.map((name) => `**/assets/${name}-*.js`), '**/icons/*-512.png'],
        manifestTransforms: [keepWithinBudget(PRECACHE_BUDGET_BYTES)],
        runtimeCaching: [
          {
            // Hashed names: a cached file never goes stale, a new version has a new name.
            urlPattern: new RegExp(`/assets/(${ON_DEMAND_CHUNKS.join('|')})-[\\w-]+\\.js$`),
            handler: 'CacheFirst',
            options: { cacheName: 'on-demand-chunks', expiration: { maxEntries: 8 } },
          },
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/ca\.crt$/],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  // The decoding worker is an ES module, so its fallback engine (our adapter and
  // @zxing/library) is one chunk of its own, loaded only where WebAssembly is missing.
  worker: {
    format: 'es',
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'zxing-fallback', test: /node_modules[\\/]@zxing[\\/]|zxingJsEngine/ }] } },
    },
  },
  build: {
    target: 'es2022',
    // Every browser the app supports (ES2022, module workers) has modulepreload: no polyfill in the first screen.
    modulePreload: { polyfill: false },
    // Maps are built and served beside each file, not named in it: 27 files' comments are 1 KiB of
    // every device's precache (attach them in the browser's developer tools by hand).
    sourcemap: 'hidden',
    manifest: true,
    rolldownOptions: {
      // The sync worker (src/sync/syncWorker.ts) is a second entry of the app's own build,
      // not a worker bundle of its own: it shares the app's chunks (Dexie, zod, the
      // protocol), so they are precached once, not twice. Its name has no hash because the
      // page starts it by name (sync/syncRunner.ts); the server sends such files with
      // no-cache and the service worker precaches it by its revision.
      input: { index: 'index.html', syncWorker: 'src/sync/syncWorker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'syncWorker' ? 'assets/syncWorker.js' : 'assets/[name]-[hash].js'),
        // zod/mini in a chunk of its own, with the protocol's module that sets its English
        // messages (src/protocol/zod.ts, else a file of 52 bytes): the first screen never
        // loads it (sign-in and the screens after it do), where left to itself it would
        // share Dexie's chunk.
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]protocol[\\/]zod\.ts$/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
