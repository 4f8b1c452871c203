import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { loadDevIssuer, TokenRequestSchema } from './dev-issuer';

const USAGE = `usage:
  npm run cli -- token --roles <role[,role…]> [--tenant <tenantId>] [--sub <subject>] [--ttl <seconds>]

roles: intake, handler, supervisor, admin, regulator, platform-admin; add pii:read to see personal data.
Signs with the local issuer key in REDRESS_DATA_DIR (default ./.data), as POST /_local/tokens does.`;

/** Small developer commands that work without the server running. */
async function main(argv: string[]) {
  const [command, ...rest] = argv;
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

process.exitCode = await main(process.argv.slice(2));
