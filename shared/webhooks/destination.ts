import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not point in AWS: the platform's own network, the instance metadata service
 * and every non-public range, for IPv4 and IPv6 (an IPv4-mapped IPv6 address is checked as IPv4).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
  ['fd00:ec2::', 32],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type DestinationRules = {
  /** AWS: https only, and no private, loopback, link-local or metadata destinations. Locally: anything. */
  strict: boolean;
};

/**
 * Checks an endpoint URL at registration. The address a name resolves to is checked again at every
 * send (the sender connects only to the address it checked), so DNS rebinding gains nothing.
 */
export function destinationProblem(url: string, rules: DestinationRules): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'only http(s) URLs';
  if (u.username || u.password) return 'credentials in the URL are not allowed; use the signature';
  if (!rules.strict) return undefined;
  if (u.protocol !== 'https:') return 'https is required';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isForbiddenAddress(host)) return 'private, loopback, link-local and metadata addresses are refused';
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal'))
    return 'internal host names are refused';
  return undefined;
}
