import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps dependencies pointing one way must fire, and say why.
const eslint = new ESLint();

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the direction of dependencies', () => {
  it('keeps the server away from device storage and the UI', async () => {
    const messages = await messagesFor('src/server/routes/example.ts', "import { openFloorDb } from '../../device/floorDb';\nexport const x = openFloorDb;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('The server sees only the domain and the protocol');
  });

  it('keeps the domain free of frameworks and of Node', async () => {
    const messages = await messagesFor('src/domain/codes/example.ts', "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nexport const x = [z, readFileSync];\n");
    expect(messages).toHaveLength(2);
  });

  it('gives Dexie one home', async () => {
    expect(await messagesFor('src/ui/features/example.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toEqual([
      expect.stringContaining('Dexie (IndexedDB) has one home: src/device'),
    ]);
    expect(await messagesFor('src/device/example.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toEqual([]);
  });

  it('keeps the device database\'s tables in src/device', async () => {
    const [result] = await eslint.lintText("import { floorDb } from '../../floor';\nexport const x = () => floorDb.bins.get('A-01-01-1');\n", { filePath: 'src/ui/features/example.ts' });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)).toEqual([expect.stringContaining('read and written only in src/device')]);
    const [inSync] = await eslint.lintText('export const x = (db: { outbox: { count(): number } }) => db.outbox.count();\n', { filePath: 'src/sync/example.ts' });
    expect(inSync!.messages.some((m) => m.ruleId === 'no-restricted-syntax')).toBe(true);
    const [inDevice] = await eslint.lintText('export const x = (db: { outbox: { count(): number } }) => db.outbox.count();\n', { filePath: 'src/device/example.ts' });
    expect(inDevice!.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([]);
  });

  it('ships the TypeScript ZXing once, as the decoding worker\'s fallback engine', async () => {
    expect(await messagesFor('src/scanning/camera/cameraStream.ts', "import { BrowserCodeReader } from '@zxing/browser';\nexport const x = BrowserCodeReader;\n")).toEqual([
      expect.stringContaining('ships once, as the decoding worker\'s fallback engine'),
    ]);
    const [dynamic] = await eslint.lintText("export const load = () => import('@zxing/library');\n", { filePath: 'src/scanning/camera/cameraStream.ts' });
    expect(dynamic!.messages.map((m) => m.message)).toEqual([expect.stringContaining('ships once')]);
    expect(await messagesFor('src/scanning/camera/decodeWorker.ts', "import { BinaryBitmap } from '@zxing/library';\nexport const x = BinaryBitmap;\n")).toEqual([]);
    expect(await messagesFor('src/scanning/camera/zxingJsEngine.ts', "import type * as Z from '@zxing/library';\nexport type X = typeof Z;\n")).toEqual([]);
  });

  it('keeps classic zod out of the app, and gives zod/mini one home in the protocol', async () => {
    const classic = "import { z } from 'zod';\nexport const x = z;\n";
    for (const filePath of ['src/ui/features/example.tsx', 'src/sync/example.ts', 'src/device/example.ts', 'src/scanning/example.ts', 'src/protocol/example.ts']) {
      expect(await messagesFor(filePath, classic), filePath).toEqual([expect.stringContaining('classic zod is 90 KiB the precache cannot carry')]);
    }
    expect(await messagesFor('src/ui/features/example.ts', "import type * as z from 'zod/mini';\nexport type X = z.ZodMiniType;\n")).toEqual([]);
    expect(await messagesFor('src/protocol/example.ts', "import * as z from 'zod/mini';\nexport const x = z;\n")).toEqual([expect.stringContaining('one home in the protocol, src/protocol/zod.ts')]);
    expect(await messagesFor('src/protocol/zod.ts', "import * as z from 'zod/mini';\nimport { en } from 'zod/locales';\nexport const x = [z, en];\n")).toEqual([]);
    expect(await messagesFor('src/server/routes/example.ts', classic)).toEqual([]);
  });

  it('keeps sync below the UI', async () => {
    const messages = await messagesFor('src/sync/example.ts', "import { appStore } from '../ui/store/appStore';\nexport const x = appStore;\n");
    expect(messages[0]).toContain('Sync talks to the server for the device');
  });
});
