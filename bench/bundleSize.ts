import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** Bytes, gzipped, of what the first screen loads: the entry chunk, its static imports and CSS. */
export function firstScreenSize(distDir = 'dist'): { files: string[]; gzipBytes: number; rawBytes: number } {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files], gzipBytes, rawBytes };
}

/** Bytes, raw and gzipped, of the chunk Vite built from `source` (its key in the manifest), e.g. the camera panel's. */
export function chunkSize(source: string, distDir = 'dist'): { file: string; rawBytes: number; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const chunk = manifest[source];
  if (!chunk) throw new Error(`No chunk built from ${source} in ${distDir}/.vite/manifest.json`);
  const content = readFileSync(join(distDir, chunk.file));
  return { file: chunk.file, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/**
 * What the service worker downloads on install and on every update: the URLs of the
 * precache list in dist/sw.js, each once, with their bytes on disk (the figure
 * vite-plugin-pwa prints in KiB; the budget is in vite.config.ts).
 */
export function precacheSize(distDir = 'dist'): { entries: number; bytes: number; largest: { url: string; bytes: number }[] } {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const urls = new Set([...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!));
  const sizes = [...urls].map((url) => ({ url, bytes: statSync(join(distDir, url)).size })).sort((a, b) => b.bytes - a.bytes);
  return { entries: sizes.length, bytes: sizes.reduce((sum, s) => sum + s.bytes, 0), largest: sizes.slice(0, 5) };
}
