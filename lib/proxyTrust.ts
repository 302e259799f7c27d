import { BlockList, isIP } from 'node:net';

/**
 * Which hops in front of the gateway are trusted reverse proxies. `hop` 0 is the socket's peer, 1 the last
 * X-Forwarded-For entry (what that peer saw), 2 the one before it, and so on.
 */
export interface ProxyTrust {
  trusts(address: string, hop: number): boolean;
}

const NAMED_RANGES: Record<string, [string, number][]> = {
  loopback: [['127.0.0.0', 8], ['::1', 128]],
  linklocal: [['169.254.0.0', 16], ['fe80::', 10]],
  uniquelocal: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['fc00::', 7]],
};

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Reads TRUST_PROXY: `0` trusts nothing; a number N trusts that many hops (`1`: the peer is the one proxy);
 * otherwise a comma-separated list of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
 * Throws a sentence naming the first part it cannot read.
 */
export function parseProxyTrust(spec: string): ProxyTrust {
  const text = spec.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new Error('must trust at most 32 hops');
    return { trusts: (_address, hop) => hop < hops };
  }
  const list = new BlockList();
  for (const part of text.split(',').map((p) => p.trim())) {
    const named = NAMED_RANGES[part.toLowerCase()];
    if (named) {
      for (const [net, prefix] of named) list.addSubnet(net, prefix, family(net));
      continue;
    }
    const [address = '', prefixText, ...rest] = part.split('/');
    const bits = isIP(address) === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (!isIP(address) || rest.length || !/^\d+$/.test(prefixText ?? String(bits)) || prefix > bits) {
      throw new Error(`"${part}" is neither a number of hops, an address, a CIDR range nor loopback, linklocal or uniquelocal`);
    }
    list.addSubnet(address, prefix, family(address));
  }
  return { trusts: (address) => isIP(address) !== 0 && list.check(address, family(address)) };
}
