import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ASSET_TYPES, type WebAsset, type WebAssets } from '../../shared/web/web-assets';

const source = (name: string) => fileURLToPath(new URL(`../../shared/web/assets/${name}`, import.meta.url));

/** Every `*.css` of the assets folder in name order (base first), one file per page area, as one sheet. */
async function stylesheet(): Promise<string> {
  const dir = source('');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.css')).sort();
  return (await Promise.all(names.map((n) => readFile(`${dir}${n}`, 'utf8')))).join('\n');
}

/** The pages' script (htmx and our few handlers, bundled and minified) and stylesheet, in memory. */
export async function buildWebAssets(): Promise<WebAssets> {
  const script = await build({
    entryPoints: [source('app.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const files = new Map<string, WebAsset>([
    ['app.js', { body: script.outputFiles[0]!.text, type: ASSET_TYPES.js! }],
    ['app.css', { body: await stylesheet(), type: ASSET_TYPES.css! }],
  ]);
  const hash = createHash('sha256');
  for (const [name, f] of files) hash.update(name).update(f.body);
  return { version: hash.digest('hex').slice(0, 12), files };
}
