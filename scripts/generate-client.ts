import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clientTypes } from '../clients/typescript/generate';
import { loadConfig } from '../infra/local/config';
import { startLocalPlatform } from '../infra/local/start';

/**
 * `npm run client:generate`: starts a throw-away platform (in memory, no demo data), reads its
 * OpenAPI document and writes the typed client's types next to the client.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'redress-client-'));
const platform = await startLocalPlatform(
  loadConfig({
    PORT: '0',
    REDRESS_DATA_DIR: dataDir,
    REDRESS_DYNAMODB_STORAGE: 'memory',
    REDRESS_SEED: '0',
    REDRESS_LOG: 'silent',
  }),
);
try {
  const document = (await (await fetch(`${platform.url}/openapi.json`)).json()) as object;
  const out = resolve(import.meta.dirname, '../clients/typescript/schema.d.ts');
  writeFileSync(out, await clientTypes(document));
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
