// Lint, and above all the direction of dependencies between the layers of src/:
//
//   domain  ←  protocol  ←  device (storage), scanning  ←  sync  ←  ui
//                 ↖ server (sees only domain and protocol)
//
// Each layer may import the ones to its left. The messages say why, so whoever
// trips a rule learns the architecture rather than fighting the linter.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (name) => `(^|/)${name}(/|$)`;

const WHY = {
  domain:
    'Domain code (codes, quantities, stock and merge rules) stays pure: no framework, no storage, no network, so it is tested alone and shared by device and server.',
  protocol: 'The wire schemas are shared by device and server; they may use only the domain and zod/mini.',
  zodMini: "The app's schemas use zod/mini: classic zod is 90 KiB the precache cannot carry (vite.config.ts budget).",
  zodHome:
    "zod/mini has one home in the protocol, src/protocol/zod.ts, which gives it English messages: zod/mini loads no locale, and people read these messages as reasons. Import { z } from './zod'.",
  device: 'Device storage sits below sync and UI; it must not reach up into them or into the server.',
  scanning: 'Scanning turns camera, wedge and typed input into scan events; it sits below sync and UI.',
  sync: 'Sync talks to the server for the device; it must not depend on the UI, and never imports server code.',
  ui: 'The UI runs in the browser: it never imports server code.',
  server: 'The server sees only the domain and the protocol: never device storage, scanning, sync or UI code, which run in the browser.',
  dexie: 'Dexie (IndexedDB) has one home: src/device. Use the functions there, so storage rules live in one place.',
  tables:
    'The device database\'s tables are read and written only in src/device: call a device query or command function (add one there), so every rule about stored data lives in one place.',
  zxing: 'ZXing has one home: src/scanning.',
  zxingFallback:
    'The TypeScript ZXing (@zxing/library) ships once, as the decoding worker\'s fallback engine for browsers without WebAssembly (zxingJsEngine.ts, imported by decodeWorker.ts on demand). List cameras and drive the stream, torch and zoom with the MediaDevices API (cameraStream.ts).',
  react: 'React belongs to src/ui.',
  zustand: 'zustand is used through src/ui/store only.',
  serverLibs: 'Fastify and the database drivers belong to src/server.',
  node: 'Node built-ins do not exist in the browser.',
};

// Reading a table of the device database (db.bins, floorDb.outbox.where(…), db.transaction…)
// outside src/device: the import rule cannot see it, the property access can.
const tableAccess = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'MemberExpression[object.name=/^(db|floorDb|device|again)$/][property.name=/^(productBlocks|bins|tasks|outbox|syncState|taskProgress|transaction|table|tables)$/]',
      message: WHY.tables,
    },
  ],
};

const forbid = (entries) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: entries.map(([regex, message]) => ({ regex, message })),
    },
  ],
});

const browserLibs = [
  ['^react($|-dom|/)', WHY.react],
  ['^zustand', WHY.zustand],
];
const serverLibs = [['^(fastify|@fastify/|fastify-plugin|pg$|@electric-sql/pglite|selfsigned)', WHY.serverLibs]];
const nodeBuiltins = [['^node:', WHY.node]];
const dexie = [['^dexie', WHY.dexie]];
const zxing = [['^@zxing/|^zxing-wasm', WHY.zxing]];
// zod, zod/v3, zod/v4 and zod/v4/classic; not zod/mini, zod/v4/mini, zod/v4/core or zod/locales.
const classicZod = [['^zod($|/v3|/v4($|/classic))', WHY.zodMini]];
const protocolBelow = [layer('(device|scanning|sync|ui|server)'), WHY.protocol];
const protocolLibs = [...browserLibs, ...serverLibs, ...dexie, ...zxing, ...nodeBuiltins, ...classicZod];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'dev-dist/', 'test-results/', 'playwright-report/', 'scratch/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...forbid([[layer('server'), WHY.ui], ...serverLibs, ...dexie, ...zxing, ...nodeBuiltins, ...classicZod]),
      ...tableAccess,
    },
  },
  {
    files: ['src/ui/store/**/*.ts'],
    rules: forbid([[layer('server'), WHY.ui], ...serverLibs, ...dexie, ...zxing, ...nodeBuiltins, ...classicZod, ['^react($|-dom|/)', WHY.react]]),
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: forbid([
      [layer('(protocol|device|scanning|sync|ui|server)'), WHY.domain],
      ['^(zod|dexie|react|react-dom|zustand|fastify|@fastify/|pg|@electric-sql/|@zxing/)', WHY.domain],
      ...nodeBuiltins,
    ]),
  },
  {
    files: ['src/protocol/**/*.ts'],
    // Any other zod entry (zod/mini, zod/locales…): classic zod is named by the rule before.
    rules: forbid([protocolBelow, ...protocolLibs, ['^zod/(?!v3|v4($|/classic))', WHY.zodHome]]),
  },
  {
    files: ['src/protocol/zod.ts'],
    rules: forbid([protocolBelow, ...protocolLibs]),
  },
  {
    files: ['src/device/**/*.ts'],
    rules: forbid([[layer('(scanning|sync|ui|server)'), WHY.device], ...browserLibs, ...serverLibs, ...zxing, ...nodeBuiltins, ...classicZod]),
  },
  {
    files: ['src/scanning/**/*.ts'],
    rules: forbid([[layer('(device|sync|ui|server)'), WHY.scanning], ...browserLibs, ...serverLibs, ...dexie, ...nodeBuiltins, ...classicZod]),
  },
  {
    // The same rules, and the TypeScript ZXing kept to the fallback engine: one copy in the app.
    files: ['src/scanning/**/*.ts'],
    ignores: ['src/scanning/camera/decodeWorker.ts', 'src/scanning/camera/zxingJsEngine.ts'],
    rules: {
      ...forbid([[layer('(device|sync|ui|server)'), WHY.scanning], ...browserLibs, ...serverLibs, ...dexie, ...nodeBuiltins, ...classicZod, ['^@zxing/', WHY.zxingFallback]]),
      // no-restricted-imports does not look at import(): the chunk would be just as big.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/^@zxing\\//]', message: WHY.zxingFallback }],
    },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: { ...forbid([[layer('(ui|server)'), WHY.sync], ...browserLibs, ...serverLibs, ...dexie, ...zxing, ...nodeBuiltins, ...classicZod]), ...tableAccess },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: forbid([[layer('(device|scanning|sync|ui)'), WHY.server], ...browserLibs, ...dexie, ...zxing]),
  },
);
