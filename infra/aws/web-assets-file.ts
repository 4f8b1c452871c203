import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeWebAssets, WEB_ASSETS_FILE } from '../../functions/web-assets';
import type { WebAssets } from '../../shared/web/web-assets';
import { buildWebAssets } from '../web-assets/build-web-assets';

/**
 * The pages' assets, built exactly as the local runtime builds them in memory, written into a
 * bundle's directory for the function to read at cold start.
 */
export async function writeWebAssets(outdir: string): Promise<WebAssets> {
  const assets = await buildWebAssets();
  await writeFile(join(outdir, WEB_ASSETS_FILE), serializeWebAssets(assets));
  return assets;
}

// CDK's afterBundling hook runs this file with the bundle's output directory.
if (process.argv[1]?.endsWith('infra/aws/web-assets-file.ts')) {
  const outdir = process.argv[2];
  if (!outdir) throw new Error('usage: web-assets-file.ts <bundle directory>');
  await writeWebAssets(outdir);
}
