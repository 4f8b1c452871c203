import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { WebAssets } from '../shared/web/web-assets';

/** Beside `index.mjs` in the api and regulator bundles; written at bundling time (infra/aws/bundling.ts). */
export const WEB_ASSETS_FILE = 'web-assets.json';

const WebAssetsFileSchema = z.object({
  version: z.string().min(1),
  files: z.record(z.string(), z.object({ body: z.string(), type: z.string() })),
});

/** The file's content: the builder's output as it is, so the version is the one the builder computed. */
export const serializeWebAssets = (a: WebAssets): string =>
  JSON.stringify({ version: a.version, files: Object.fromEntries(a.files) });

export function parseWebAssets(text: string): WebAssets {
  const f = WebAssetsFileSchema.parse(JSON.parse(text));
  return { version: f.version, files: new Map(Object.entries(f.files)) };
}

/**
 * The pages' stylesheet and script, read once at cold start from the bundle's own directory (the
 * bundled module's `import.meta.url` is `index.mjs`); undefined when the bundle has none.
 */
export function loadWebAssets(dir: URL = new URL('.', import.meta.url)): WebAssets | undefined {
  let text: string;
  try {
    text = readFileSync(new URL(WEB_ASSETS_FILE, dir), 'utf8');
  } catch {
    return undefined;
  }
  return parseWebAssets(text);
}
