import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { loadDevIssuer, TokenRequestSchema } from './http/dev-issuer';

const USAGE = `usage:
  npm run cli -- token --roles <role[,role…]> [--tenant <tenantId>] [--sub <subject>] [--ttl <seconds>]
  npm run cli -- repair-lifecycle --tenant <tenantId> [--complaint <complaintId>]
  npm run cli -- rebuild-kpis [--tenant <tenantId>]

roles: intake, handler, supervisor, admin, regulator, platform-admin; add pii:read to see personal data.
token signs with the local issuer key in REDRESS_DATA_DIR (default ./.data), as POST /_local/tokens does.
repair-lifecycle (with the platform stopped) moves each lifecycle whose stored step is past the one
its record is at back to that step; the next npm start re-enters there (docs/design-notes.md, Lifecycle).
On a running platform (and in AWS) POST /admin/v1/tenants/<tenantId>/lifecycle-repair restarts them instead.
rebuild-kpis (with the platform stopped) recounts the regulator's KPI aggregates of one institution or
of all from their complaints and events, e.g. for complaints received before the aggregates were kept.`;

/** Small developer commands that work without the server running. */
async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === 'repair-lifecycle') return repair(rest);
  if (command === 'rebuild-kpis') return rebuild(rest);
  if (command !== 'token') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      roles: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const request = TokenRequestSchema.safeParse({
    roles: values.roles
      ?.split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    ...(values.tenant && { tenantId: values.tenant }),
    ...(values.sub && { sub: values.sub }),
    ...(values.ttl && { ttl: Number(values.ttl) }),
  });
  if (!request.success) {
    process.stderr.write(
      `${request.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n')}\n\n${USAGE}\n`,
    );
    return 2;
  }
  const config = loadConfig();
  if (!config.devIdentities) {
    process.stderr.write('REDRESS_DEV_IDENTITIES=0: the platform trusts the external IdP only; no token minted.\n');
    return 2;
  }
  const issuer = await loadDevIssuer(config.dataDir);
  process.stdout.write(`${await issuer.mint(request.data)}\n`);
  return 0;
}

async function repair(args: string[]) {
  const { values } = parseArgs({ args, options: { tenant: { type: 'string' }, complaint: { type: 'string' } } });
  if (!values.tenant) {
    process.stderr.write(`--tenant is required\n\n${USAGE}\n`);
    return 2;
  }
  const { repairOffline } = await import('./tools/repair-lifecycle');
  const repairs = await repairOffline(loadConfig(), values.tenant, values.complaint).catch((e: Error) => {
    process.stderr.write(`repair-lifecycle: ${e.message}\n`);
    return undefined;
  });
  if (!repairs) return 1;
  for (const r of repairs) process.stdout.write(`${r.complaintId}: ${r.from ?? '-'} -> ${r.to}\n`);
  process.stdout.write(`${repairs.length} lifecycle(s) repaired; they re-enter there at the next start\n`);
  return 0;
}

async function rebuild(args: string[]) {
  const { values } = parseArgs({ args, options: { tenant: { type: 'string' } } });
  const { rebuildKpisOffline } = await import('./tools/rebuild-kpis');
  const reports = await rebuildKpisOffline(loadConfig(), values.tenant).catch((e: Error) => {
    process.stderr.write(`rebuild-kpis: ${e.message}\n`);
    return undefined;
  });
  if (!reports) return 1;
  for (const r of reports)
    process.stdout.write(`${r.tenantId}: ${r.complaints} complaint(s), months ${r.months.join(' ') || '-'}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
